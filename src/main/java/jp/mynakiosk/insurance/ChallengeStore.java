package jp.mynakiosk.insurance;

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
     * Marks the nonce used if it is known, unexpired and unused.
     *
     * @return empty when the nonce was consumed, else why it cannot be
     */
    static Optional<InvalidRequest> consume(Connection c, byte[] nonce, Instant now) throws SQLException {
        String sql = "UPDATE challenge SET used_at = ? WHERE nonce = ? AND used_at IS NULL AND expires_at > ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, utc(now));
            s.setBytes(2, nonce);
            s.setObject(3, utc(now));
            if (s.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT used_at FROM challenge WHERE nonce = ?")) {
            s.setBytes(1, nonce);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.of(new InvalidRequest(InvalidRequest.NONCE_UNKNOWN));
                }
                boolean used = r.getObject(1, OffsetDateTime.class) != null;
                return Optional.of(new InvalidRequest(used ? InvalidRequest.NONCE_USED : InvalidRequest.NONCE_EXPIRED));
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
