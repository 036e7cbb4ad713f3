package jp.mynakiosk.insurance;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to link the card holder's insurance, signed by the card's user-authentication key. Build it with
 * {@link UnsignedLinkRequest#sign(byte[])}.
 *
 * <p>The card signs {@link #digestInfoFor(byte[]) digestInfoFor(signedBytes())} with PKCS#1 v1.5, which is exactly a
 * {@code SHA256withRSA} signature over {@link #signedBytes()}.
 *
 * @param kioskId        the kiosk's configured id (technical token)
 * @param idempotencyKey random per link attempt; a retry of the same attempt sends the same key and bytes
 * @param nonce          from {@link EligibilityService#issueChallenge()}
 * @param certificateDer the card's user-authentication certificate, DER
 * @param signature      the card's signature over {@link #digestInfoFor(byte[]) digestInfoFor(signedBytes())}
 */
public record LinkRequest(String kioskId, UUID idempotencyKey, byte[] nonce, byte[] certificateDer,
                          HolderClaims holder, Consents consents, byte[] signature) {
    public static final int MAX_SIGNATURE_LENGTH = 1024;

    public LinkRequest {
        // Checks every other field the same way the unsigned request does.
        new UnsignedLinkRequest(kioskId, idempotencyKey, nonce, certificateDer, holder, consents);
        nonce = nonce.clone();
        certificateDer = certificateDer.clone();
        signature = UnsignedLinkRequest.bounded("signature", signature, MAX_SIGNATURE_LENGTH);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** This request without its signature. */
    public UnsignedLinkRequest unsigned() {
        return new UnsignedLinkRequest(kioskId, idempotencyKey, nonce, certificateDer, holder, consents);
    }

    /** The canonical bytes the signature covers; see {@link UnsignedLinkRequest#signedBytes()}. */
    public byte[] signedBytes() {
        return unsigned().signedBytes();
    }

    /** The DER {@code DigestInfo} (SHA-256) of {@code signedBytes}: what the card's signing command is given. */
    public static byte[] digestInfoFor(byte[] signedBytes) {
        return UnsignedLinkRequest.digestInfoFor(signedBytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkRequest other
                && unsigned().equals(other.unsigned())
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * unsigned().hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "LinkRequest[kioskId=" + kioskId + ", idempotencyKey=" + idempotencyKey + ", holder=<redacted>, "
                + consents + "]";
    }
}
