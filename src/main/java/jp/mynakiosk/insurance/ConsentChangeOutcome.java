package jp.mynakiosk.insurance;

import java.time.LocalDate;
import java.util.Objects;

/** What the eligibility system answered to a {@link ConsentChange}. */
public sealed interface ConsentChangeOutcome {
    /** A technical token for the journal, e.g. {@code CHANGED} or {@code NOT_REGISTERED}. */
    String journalCode();

    /** The card's consents are now {@code consents}, decided on {@code changedOn}. */
    record Changed(String insurerName, Consents consents, LocalDate changedOn) implements ConsentChangeOutcome {
        public Changed {
            Objects.requireNonNull(insurerName, "insurerName");
            Objects.requireNonNull(consents, "consents");
            Objects.requireNonNull(changedOn, "changedOn");
        }

        @Override
        public String journalCode() {
            return "CHANGED";
        }
    }

    /** The card is not registered for insurance use, so it has no consents to change: register first. */
    record NotRegistered() implements ConsentChangeOutcome {
        @Override
        public String journalCode() {
            return "NOT_REGISTERED";
        }
    }

    record CertificateExpired() implements ConsentChangeOutcome {
        @Override
        public String journalCode() {
            return "CERTIFICATE_EXPIRED";
        }
    }

    record CertificateRevoked() implements ConsentChangeOutcome {
        @Override
        public String journalCode() {
            return "CERTIFICATE_REVOKED";
        }
    }

    /** The request itself was refused; {@code code} is one of the {@link LinkOutcome.InvalidRequest} codes. */
    record InvalidRequest(String code) implements ConsentChangeOutcome {
        public InvalidRequest {
            code = new LinkOutcome.InvalidRequest(code).code();
        }

        @Override
        public String journalCode() {
            return "INVALID_REQUEST:" + code;
        }
    }
}
