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

    /**
     * The card is not registered for insurance use; it can be, and would be linked to {@code insurerName}'s record
     * (shown to the user before they confirm).
     */
    record NotRegistered(String insurerName) implements RegistrationStatus {
        public NotRegistered {
            Objects.requireNonNull(insurerName, "insurerName");
        }

        @Override
        public String journalCode() {
            return "NOT_REGISTERED";
        }
    }

    /** No insurer has registered the person's eligibility data yet (or it starts later): nothing to register. */
    record NoEligibilityData() implements RegistrationStatus {
        @Override
        public String journalCode() {
            return "NO_ELIGIBILITY_DATA";
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
