package jp.mynakiosk.insurance;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import jp.mynakiosk.insurance.LinkOutcome.InvalidRequest;

/** The {@code challenge} table: issued nonces, each usable once before it expires. */
final class ChallengeStore {
    private ChallengeStore() {
    }

    /** Stores a new nonce and forgets the ones that expired before {@code forgetExpiredBefore}. */
    static void insert(Connection c, byte[] nonce, Instant expiresAt, Instant forgetExpiredBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM challenge WHERE expires_at < ?")) {
            s.setObject(1, utc(forgetExpiredBefore));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO challenge (nonce, expires_at) VALUES (?, ?)")) {
            s.setBytes(1, nonce);
            s.setObject(2, utc(expiresAt));
            s.executeUpdate();
        }
    }

    /**
     * Marks the nonce used by the request with this fingerprint if it is known, unexpired and unused. A nonce already
     * used by the same fingerprint (the same request sent again after a lost answer) counts as consumed again while
     * it is unexpired.
     *
     * @return empty when the nonce was consumed, else why it cannot be
     */
    static Optional<InvalidRequest> consume(Connection c, byte[] nonce, byte[] fingerprint, Instant now)
            throws SQLException {
        String sql = "UPDATE challenge SET used_at = ?, used_by = ? WHERE nonce = ? AND used_at IS NULL AND expires_at > ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, utc(now));
            s.setBytes(2, fingerprint);
            s.setBytes(3, nonce);
            s.setObject(4, utc(now));
            if (s.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT used_at, used_by, expires_at FROM challenge WHERE nonce = ?")) {
            s.setBytes(1, nonce);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.of(new InvalidRequest(InvalidRequest.NONCE_UNKNOWN));
                }
                boolean used = r.getObject(1, OffsetDateTime.class) != null;
                boolean expired = !r.getObject(3, OffsetDateTime.class).toInstant().isAfter(now);
                byte[] usedBy = r.getBytes(2);
                if (used && !expired && usedBy != null && MessageDigest.isEqual(usedBy, fingerprint)) {
                    return Optional.empty();
                }
                return Optional.of(new InvalidRequest(used ? InvalidRequest.NONCE_USED : InvalidRequest.NONCE_EXPIRED));
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
