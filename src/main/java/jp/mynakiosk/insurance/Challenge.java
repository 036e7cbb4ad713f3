package jp.mynakiosk.insurance;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A single-use nonce the next {@link LinkRequest} must carry, valid until {@code expiresAt}. */
public record Challenge(byte[] nonce, Instant expiresAt) {
    public static final int NONCE_LENGTH = 32;

    public Challenge {
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("nonce must be " + NONCE_LENGTH + " bytes, was " + nonce.length);
        }
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge other && Arrays.equals(nonce, other.nonce) && expiresAt.equals(other.expiresAt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + expiresAt.hashCode();
    }

    @Override
    public String toString() {
        return "Challenge[nonce=" + HexFormat.of().formatHex(nonce) + ", expiresAt=" + expiresAt + "]";
    }
}
