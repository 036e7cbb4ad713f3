package jp.mynakiosk.insurance;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/** What the eligibility system answered to a {@link LinkRequest}. */
public sealed interface LinkOutcome {
    /** A technical token for the journal, e.g. {@code REGISTERED} or {@code INVALID_REQUEST:nonce-used}. */
    String journalCode();

    /** The card is now registered with the insurer. */
    record Registered(String insurerName, LocalDate registeredOn) implements LinkOutcome {
        public Registered {
            Objects.requireNonNull(insurerName, "insurerName");
            Objects.requireNonNull(registeredOn, "registeredOn");
        }

        @Override
        public String journalCode() {
            return "REGISTERED";
        }
    }

    /** The card was registered before; nothing changed. */
    record AlreadyRegistered(String insurerName, LocalDate registeredOn) implements LinkOutcome {
        public AlreadyRegistered {
            Objects.requireNonNull(insurerName, "insurerName");
            Objects.requireNonNull(registeredOn, "registeredOn");
        }

        @Override
        public String journalCode() {
            return "ALREADY_REGISTERED";
        }
    }

    /** The insurer has not (yet) registered eligibility data for this person: ask the insurer or employer. */
    record NoEligibilityData() implements LinkOutcome {
        @Override
        public String journalCode() {
            return "NO_ELIGIBILITY_DATA";
        }
    }

    /** The insured record's name, birth date or sex differs from the card's: ask the insurer to correct it. */
    record RecordsDoNotMatch() implements LinkOutcome {
        @Override
        public String journalCode() {
            return "RECORDS_DO_NOT_MATCH";
        }
    }

    /** The card's user-authentication certificate has expired: renew it at the municipal office. */
    record CertificateExpired() implements LinkOutcome {
        @Override
        public String journalCode() {
            return "CERTIFICATE_EXPIRED";
        }
    }

    /** The card's user-authentication certificate is revoked: the municipal office can reissue it. */
    record CertificateRevoked() implements LinkOutcome {
        @Override
        public String journalCode() {
            return "CERTIFICATE_REVOKED";
        }
    }

    /** The request itself was refused (bad signature, unknown/expired/used nonce, untrusted certificate, ...). */
    record InvalidRequest(String code) implements LinkOutcome {
        public static final String NONCE_UNKNOWN = "nonce-unknown";
        public static final String NONCE_EXPIRED = "nonce-expired";
        public static final String NONCE_USED = "nonce-used";
        public static final String CERTIFICATE_MALFORMED = "certificate-malformed";
        public static final String SIGNATURE_INVALID = "signature-invalid";
        public static final String CERTIFICATE_UNTRUSTED = "certificate-untrusted";
        public static final String CERTIFICATE_NOT_YET_VALID = "certificate-not-yet-valid";
        public static final String CERTIFICATE_NOT_FOR_SIGNING = "certificate-not-for-signing";
        public static final String CERTIFICATE_SUBJECT_UNKNOWN = "certificate-subject-unknown";
        public static final String IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused";
        /** The fleet server refused the request itself (HTTP 4xx): sending it again would be refused again. */
        public static final String REFUSED_BY_SERVER = "refused-by-server";

        private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,64}");

        public InvalidRequest {
            Objects.requireNonNull(code, "code");
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("code must be 1 to 64 of a-z, 0-9 and '-'");
            }
        }

        @Override
        public String journalCode() {
            return "INVALID_REQUEST:" + code;
        }
    }
}
