package jp.mynakiosk.insurance.http;

import java.time.Instant;
import jp.mynakiosk.insurance.Challenge;
import jp.mynakiosk.insurance.ConsentChange;
import jp.mynakiosk.insurance.ConsentChangeOutcome;
import jp.mynakiosk.insurance.Consents;
import jp.mynakiosk.insurance.HolderClaims;
import jp.mynakiosk.insurance.LinkOutcome;
import jp.mynakiosk.insurance.LinkRequest;
import jp.mynakiosk.insurance.RegistrationQuery;
import jp.mynakiosk.insurance.RegistrationStatus;
import jp.mynakiosk.insurance.UnsignedLinkRequest;

/**
 * The bodies the kiosk and the fleet server exchange ({@code application/vnd.myna-kiosk.v1}): a format tag, then
 * fields, each a 4-byte big-endian length and its bytes (texts UTF-8, keys 16 bytes, yes/no {@code 1}/{@code 0},
 * dates ISO-8601). Every length is bounded before anything is allocated; a message that does not parse, or that
 * the record constructors refuse, raises {@link MalformedMessageException} naming the field.
 */
public final class WireFormat {
    public static final String CONTENT_TYPE = "application/vnd.myna-kiosk.v1";
    /** No request or answer is larger: a certificate (8 KiB), a signature (1 KiB) and small fields. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;
    /**
     * No answer the server sends is larger: the biggest, a registration status, is under 1 KiB (an insurer name of
     * at most 200 characters, 800 bytes in UTF-8, and small fields), and error texts are one line. The client reads
     * no further than this.
     */
    public static final int MAX_ANSWER_BYTES = 4 * 1024;

    private static final int MAX_TEXT = 200;
    private static final int MAX_KIND = 32;

    private WireFormat() {
    }

    public static byte[] challenge(Challenge challenge) {
        return new FieldWriter().text("challenge").bytes(challenge.nonce())
                .number(challenge.expiresAt().toEpochMilli()).toByteArray();
    }

    public static Challenge readChallenge(byte[] message) {
        FieldReader r = reader(message, "challenge");
        byte[] nonce = r.bytes("nonce", Challenge.NONCE_LENGTH);
        long expiresAt = r.number("expiresAt");
        r.end();
        return construct("challenge", () -> new Challenge(nonce, Instant.ofEpochMilli(expiresAt)));
    }

    public static byte[] linkRequest(LinkRequest request) {
        return new FieldWriter().text("link-request").text(request.kioskId()).key(request.idempotencyKey())
                .bytes(request.nonce()).bytes(request.certificateDer()).text(request.holder().name())
                .date(request.holder().birthDate()).number(request.holder().sexCode())
                .yesNo(request.consents().shareTreatmentAndMedication())
                .yesNo(request.consents().shareHealthCheckups()).bytes(request.signature()).toByteArray();
    }

    public static LinkRequest readLinkRequest(byte[] message) {
        FieldReader r = reader(message, "link-request");
        String kioskId = r.text("kioskId", UnsignedLinkRequest.MAX_KIOSK_ID_LENGTH);
        var key = r.key("idempotencyKey");
        byte[] nonce = r.bytes("nonce", UnsignedLinkRequest.MAX_NONCE_LENGTH);
        byte[] certificate = r.bytes("certificateDer", UnsignedLinkRequest.MAX_CERTIFICATE_LENGTH);
        String name = r.text("holder.name", HolderClaims.MAX_NAME_LENGTH);
        var birthDate = r.date("holder.birthDate");
        int sex = r.smallNumber("holder.sexCode");
        Consents consents = new Consents(r.yesNo("consents.treatmentAndMedication"), r.yesNo("consents.healthCheckups"));
        byte[] signature = r.bytes("signature", LinkRequest.MAX_SIGNATURE_LENGTH);
        r.end();
        return construct("link-request", () -> new LinkRequest(kioskId, key, nonce, certificate,
                new HolderClaims(name, birthDate, sex), consents, signature));
    }

    public static byte[] registrationQuery(RegistrationQuery query) {
        return new FieldWriter().text("registration-query").text(query.kioskId()).bytes(query.nonce())
                .bytes(query.certificateDer()).bytes(query.signature()).toByteArray();
    }

    public static RegistrationQuery readRegistrationQuery(byte[] message) {
        FieldReader r = reader(message, "registration-query");
        String kioskId = r.text("kioskId", UnsignedLinkRequest.MAX_KIOSK_ID_LENGTH);
        byte[] nonce = r.bytes("nonce", UnsignedLinkRequest.MAX_NONCE_LENGTH);
        byte[] certificate = r.bytes("certificateDer", UnsignedLinkRequest.MAX_CERTIFICATE_LENGTH);
        byte[] signature = r.bytes("signature", LinkRequest.MAX_SIGNATURE_LENGTH);
        r.end();
        return construct("registration-query", () -> new RegistrationQuery(kioskId, nonce, certificate, signature));
    }

    public static byte[] consentChange(ConsentChange change) {
        return new FieldWriter().text("consent-change").text(change.kioskId()).key(change.idempotencyKey())
                .bytes(change.nonce()).bytes(change.certificateDer())
                .yesNo(change.consents().shareTreatmentAndMedication())
                .yesNo(change.consents().shareHealthCheckups()).bytes(change.signature()).toByteArray();
    }

    public static ConsentChange readConsentChange(byte[] message) {
        FieldReader r = reader(message, "consent-change");
        String kioskId = r.text("kioskId", UnsignedLinkRequest.MAX_KIOSK_ID_LENGTH);
        var key = r.key("idempotencyKey");
        byte[] nonce = r.bytes("nonce", UnsignedLinkRequest.MAX_NONCE_LENGTH);
        byte[] certificate = r.bytes("certificateDer", UnsignedLinkRequest.MAX_CERTIFICATE_LENGTH);
        Consents consents = new Consents(r.yesNo("consents.treatmentAndMedication"), r.yesNo("consents.healthCheckups"));
        byte[] signature = r.bytes("signature", LinkRequest.MAX_SIGNATURE_LENGTH);
        r.end();
        return construct("consent-change", () -> new ConsentChange(kioskId, key, nonce, certificate, consents, signature));
    }

    public static byte[] linkOutcome(LinkOutcome outcome) {
        FieldWriter w = new FieldWriter().text("link-outcome").text(outcome.getClass().getSimpleName());
        if (outcome instanceof LinkOutcome.Registered r) {
            w.text(r.insurerName()).date(r.registeredOn());
        } else if (outcome instanceof LinkOutcome.AlreadyRegistered a) {
            w.text(a.insurerName()).date(a.registeredOn());
        } else if (outcome instanceof LinkOutcome.InvalidRequest i) {
            w.text(i.code());
        }
        return w.toByteArray();
    }

    public static LinkOutcome readLinkOutcome(byte[] message) {
        FieldReader r = reader(message, "link-outcome");
        String kind = r.text("kind", MAX_KIND);
        LinkOutcome outcome = construct("link-outcome", () -> switch (kind) {
            case "Registered" -> new LinkOutcome.Registered(r.text("insurerName", MAX_TEXT), r.date("registeredOn"));
            case "AlreadyRegistered" ->
                    new LinkOutcome.AlreadyRegistered(r.text("insurerName", MAX_TEXT), r.date("registeredOn"));
            case "NoEligibilityData" -> new LinkOutcome.NoEligibilityData();
            case "RecordsDoNotMatch" -> new LinkOutcome.RecordsDoNotMatch();
            case "CertificateExpired" -> new LinkOutcome.CertificateExpired();
            case "CertificateRevoked" -> new LinkOutcome.CertificateRevoked();
            case "InvalidRequest" -> new LinkOutcome.InvalidRequest(r.text("code", MAX_KIND * 2));
            default -> throw new MalformedMessageException("unknown link outcome '" + kind + "'");
        });
        r.end();
        return outcome;
    }

    public static byte[] registrationStatus(RegistrationStatus status) {
        FieldWriter w = new FieldWriter().text("registration-status").text(status.getClass().getSimpleName());
        if (status instanceof RegistrationStatus.Registered r) {
            w.text(r.insurerName()).date(r.registeredOn()).yesNo(r.consents().shareTreatmentAndMedication())
                    .yesNo(r.consents().shareHealthCheckups());
        } else if (status instanceof RegistrationStatus.NotRegistered n) {
            w.text(n.insurerName());
        } else if (status instanceof RegistrationStatus.InvalidRequest i) {
            w.text(i.code());
        }
        return w.toByteArray();
    }

    public static RegistrationStatus readRegistrationStatus(byte[] message) {
        FieldReader r = reader(message, "registration-status");
        String kind = r.text("kind", MAX_KIND);
        RegistrationStatus status = construct("registration-status", () -> switch (kind) {
            case "Registered" -> new RegistrationStatus.Registered(r.text("insurerName", MAX_TEXT),
                    r.date("registeredOn"), new Consents(r.yesNo("consents.treatmentAndMedication"),
                    r.yesNo("consents.healthCheckups")));
            case "NotRegistered" -> new RegistrationStatus.NotRegistered(r.text("insurerName", MAX_TEXT));
            case "NoEligibilityData" -> new RegistrationStatus.NoEligibilityData();
            case "CertificateExpired" -> new RegistrationStatus.CertificateExpired();
            case "CertificateRevoked" -> new RegistrationStatus.CertificateRevoked();
            case "InvalidRequest" -> new RegistrationStatus.InvalidRequest(r.text("code", MAX_KIND * 2));
            default -> throw new MalformedMessageException("unknown registration status '" + kind + "'");
        });
        r.end();
        return status;
    }

    public static byte[] consentChangeOutcome(ConsentChangeOutcome outcome) {
        FieldWriter w = new FieldWriter().text("consent-change-outcome").text(outcome.getClass().getSimpleName());
        if (outcome instanceof ConsentChangeOutcome.Changed c) {
            w.text(c.insurerName()).yesNo(c.consents().shareTreatmentAndMedication())
                    .yesNo(c.consents().shareHealthCheckups()).date(c.changedOn());
        } else if (outcome instanceof ConsentChangeOutcome.InvalidRequest i) {
            w.text(i.code());
        }
        return w.toByteArray();
    }

    public static ConsentChangeOutcome readConsentChangeOutcome(byte[] message) {
        FieldReader r = reader(message, "consent-change-outcome");
        String kind = r.text("kind", MAX_KIND);
        ConsentChangeOutcome outcome = construct("consent-change-outcome", () -> switch (kind) {
            case "Changed" -> new ConsentChangeOutcome.Changed(r.text("insurerName", MAX_TEXT),
                    new Consents(r.yesNo("consents.treatmentAndMedication"), r.yesNo("consents.healthCheckups")),
                    r.date("changedOn"));
            case "NotRegistered" -> new ConsentChangeOutcome.NotRegistered();
            case "CertificateExpired" -> new ConsentChangeOutcome.CertificateExpired();
            case "CertificateRevoked" -> new ConsentChangeOutcome.CertificateRevoked();
            case "InvalidRequest" -> new ConsentChangeOutcome.InvalidRequest(r.text("code", MAX_KIND * 2));
            default -> throw new MalformedMessageException("unknown consent change outcome '" + kind + "'");
        });
        r.end();
        return outcome;
    }

    private interface Construction<T> {
        T make();
    }

    private static FieldReader reader(byte[] message, String expectedTag) {
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new MalformedMessageException("a " + expectedTag + " message is at most " + MAX_MESSAGE_BYTES
                    + " bytes, was " + message.length);
        }
        FieldReader r = new FieldReader(message);
        String tag = r.text("format tag", MAX_KIND);
        if (!tag.equals(expectedTag)) {
            throw new MalformedMessageException("expected a " + expectedTag + " message, got '" + tag + "'");
        }
        return r;
    }

    /** Turns the record constructors' refusals (null, bad length, bad kiosk id, ...) into a malformed message. */
    private static <T> T construct(String what, Construction<T> construction) {
        try {
            return construction.make();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessageException("the " + what + " message is not valid: " + e.getMessage(), e);
        }
    }
}
