package jp.mynakiosk.insurance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jp.mynakiosk.insurance.ConsentChangeOutcome.CertificateExpired;
import jp.mynakiosk.insurance.ConsentChangeOutcome.CertificateRevoked;
import jp.mynakiosk.insurance.ConsentChangeOutcome.Changed;
import jp.mynakiosk.insurance.ConsentChangeOutcome.InvalidRequest;
import jp.mynakiosk.insurance.ConsentChangeOutcome.NotRegistered;

/** The {@code consent_change} table: the first outcome of each consent change, by idempotency key. */
final class ConsentChangeStore {
    /** An earlier outcome and the fingerprint of the request that got it. */
    record Stored(byte[] requestSha256, ConsentChangeOutcome outcome) {
    }

    private ConsentChangeStore() {
    }

    static Optional<Stored> find(Connection c, UUID key) throws SQLException {
        String sql = "SELECT request_sha256, outcome, insurer_name, share_treatment_and_medication,"
                + " share_health_checkups, changed_on, invalid_code FROM consent_change WHERE idempotency_key = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String kind = r.getString(2);
                ConsentChangeOutcome outcome = switch (kind) {
                    case "CHANGED" -> new Changed(r.getString(3), new Consents(r.getBoolean(4), r.getBoolean(5)),
                            r.getDate(6).toLocalDate());
                    case "NOT_REGISTERED" -> new NotRegistered();
                    case "CERTIFICATE_EXPIRED" -> new CertificateExpired();
                    case "CERTIFICATE_REVOKED" -> new CertificateRevoked();
                    case "INVALID_REQUEST" -> new InvalidRequest(r.getString(7));
                    default -> throw new IllegalStateException("Unknown stored consent change outcome '" + kind
                            + "' in table consent_change");
                };
                return Optional.of(new Stored(r.getBytes(1), outcome));
            }
        }
    }

    static void store(Connection c, ConsentChange request, byte[] requestSha256, ConsentChangeOutcome outcome,
                      Instant now) throws SQLException {
        String sql = "INSERT INTO consent_change (idempotency_key, kiosk_id, request_sha256, outcome, insurer_name,"
                + " share_treatment_and_medication, share_health_checkups, changed_on, invalid_code, decided_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, request.idempotencyKey());
            s.setString(2, request.kioskId());
            s.setBytes(3, requestSha256);
            String code = outcome.journalCode();
            s.setString(4, code.contains(":") ? code.substring(0, code.indexOf(':')) : code);
            if (outcome instanceof Changed changed) {
                s.setString(5, changed.insurerName());
                s.setBoolean(6, changed.consents().shareTreatmentAndMedication());
                s.setBoolean(7, changed.consents().shareHealthCheckups());
                s.setDate(8, Date.valueOf(changed.changedOn()));
            } else {
                s.setNull(5, Types.VARCHAR);
                s.setNull(6, Types.BOOLEAN);
                s.setNull(7, Types.BOOLEAN);
                s.setNull(8, Types.DATE);
            }
            s.setString(9, outcome instanceof InvalidRequest invalid ? invalid.code() : null);
            s.setObject(10, ChallengeStore.utc(now));
            s.executeUpdate();
        }
    }
}
