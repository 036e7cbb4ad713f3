package jp.mynakiosk.insurance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import jp.mynakiosk.insurance.LinkOutcome.AlreadyRegistered;
import jp.mynakiosk.insurance.LinkOutcome.CertificateExpired;
import jp.mynakiosk.insurance.LinkOutcome.CertificateRevoked;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;
import jp.mynakiosk.insurance.LinkOutcome.NoEligibilityData;
import jp.mynakiosk.insurance.LinkOutcome.RecordsDoNotMatch;
import jp.mynakiosk.insurance.LinkOutcome.Registered;

/** The {@code link_request} table: the first outcome of each request, by idempotency key. */
final class OutcomeStore {
    /** An earlier outcome and the fingerprint of the request that got it. */
    record Stored(byte[] requestSha256, LinkOutcome outcome) {
    }

    private OutcomeStore() {
    }

    static Optional<Stored> find(Connection c, UUID key) throws SQLException {
        String sql = "SELECT request_sha256, outcome, insurer_name, registered_on, invalid_code"
                + " FROM link_request WHERE idempotency_key = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Date registeredOn = r.getDate(4);
                return Optional.of(new Stored(r.getBytes(1), outcome(r.getString(2), r.getString(3),
                        registeredOn == null ? null : registeredOn.toLocalDate(), r.getString(5))));
            }
        }
    }

    static void store(Connection c, LinkRequest request, byte[] requestSha256, LinkOutcome outcome, Instant now)
            throws SQLException {
        String sql = "INSERT INTO link_request (idempotency_key, kiosk_id, request_sha256, outcome, insurer_name,"
                + " registered_on, invalid_code, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        String insurer = null;
        LocalDate on = null;
        String invalidCode = null;
        if (outcome instanceof Registered r) {
            insurer = r.insurerName();
            on = r.registeredOn();
        } else if (outcome instanceof AlreadyRegistered a) {
            insurer = a.insurerName();
            on = a.registeredOn();
        } else if (outcome instanceof InvalidRequest i) {
            invalidCode = i.code();
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, request.idempotencyKey());
            s.setString(2, request.kioskId());
            s.setBytes(3, requestSha256);
            s.setString(4, kind(outcome));
            s.setString(5, insurer);
            if (on == null) {
                s.setNull(6, Types.DATE);
            } else {
                s.setDate(6, Date.valueOf(on));
            }
            s.setString(7, invalidCode);
            s.setObject(8, ChallengeStore.utc(now));
            s.executeUpdate();
        }
    }

    private static String kind(LinkOutcome outcome) {
        String code = outcome.journalCode();
        int detail = code.indexOf(':');
        return detail < 0 ? code : code.substring(0, detail);
    }

    private static LinkOutcome outcome(String kind, String insurer, LocalDate on, String invalidCode) {
        return switch (kind) {
            case "REGISTERED" -> new Registered(insurer, on);
            case "ALREADY_REGISTERED" -> new AlreadyRegistered(insurer, on);
            case "NO_ELIGIBILITY_DATA" -> new NoEligibilityData();
            case "RECORDS_DO_NOT_MATCH" -> new RecordsDoNotMatch();
            case "CERTIFICATE_EXPIRED" -> new CertificateExpired();
            case "CERTIFICATE_REVOKED" -> new CertificateRevoked();
            case "INVALID_REQUEST" -> new InvalidRequest(invalidCode);
            default -> throw new IllegalStateException("Unknown stored link outcome '" + kind + "' in table link_request");
        };
    }
}
