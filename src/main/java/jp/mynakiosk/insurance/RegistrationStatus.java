package jp.mynakiosk.insurance;

import java.time.LocalDate;
import java.util.Objects;

/** What the eligibility system answered to a {@link RegistrationQuery}. */
public sealed interface RegistrationStatus {
    /** A technical token for the journal, e.g. {@code REGISTERED} or {@code INVALID_REQUEST:nonce-used}. */
    String journalCode();

    /** The card is registered for insurance use since {@code registeredOn}, with these consents now. */
    record Registered(String insurerName, LocalDate registeredOn, Consents consents) implements RegistrationStatus {
        public Registered {
            Objects.requireNonNull(insurerName, "insurerName");
            Objects.requireNonNull(registeredOn, "registeredOn");
            Objects.requireNonNull(consents, "consents");
        }

        @Override
        public String journalCode() {
            return "REGISTERED";
        }
    }

    /** The card is not registered for insurance use (it can be, with the registration journey). */
    record NotRegistered() implements RegistrationStatus {
        @Override
        public String journalCode() {
            return "NOT_REGISTERED";
        }
    }

    /** The card's user-authentication certificate has expired. */
    record CertificateExpired() implements RegistrationStatus {
        @Override
        public String journalCode() {
            return "CERTIFICATE_EXPIRED";
        }
    }

    /** The card's user-authentication certificate is revoked. */
    record CertificateRevoked() implements RegistrationStatus {
        @Override
        public String journalCode() {
            return "CERTIFICATE_REVOKED";
        }
    }

    /** The query itself was refused; {@code code} is one of the {@link LinkOutcome.InvalidRequest} codes. */
    record InvalidRequest(String code) implements RegistrationStatus {
        public InvalidRequest {
            code = new LinkOutcome.InvalidRequest(code).code();
        }

        @Override
        public String journalCode() {
            return "INVALID_REQUEST:" + code;
        }
    }
}
