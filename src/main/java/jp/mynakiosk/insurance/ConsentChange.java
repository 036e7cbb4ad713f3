package jp.mynakiosk.insurance;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed request to replace a registered card's consents. Build it with {@link UnsignedConsentChange#sign(byte[])}.
 * Sending the same idempotency key again returns the first outcome and changes nothing more.
 */
public record ConsentChange(String kioskId, UUID idempotencyKey, byte[] nonce, byte[] certificateDer,
                            Consents consents, byte[] signature) {
    public ConsentChange {
        new UnsignedConsentChange(kioskId, idempotencyKey, nonce, certificateDer, consents);
        nonce = nonce.clone();
        certificateDer = certificateDer.clone();
        signature = UnsignedLinkRequest.bounded("signature", signature, LinkRequest.MAX_SIGNATURE_LENGTH);
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

    public UnsignedConsentChange unsigned() {
        return new UnsignedConsentChange(kioskId, idempotencyKey, nonce, certificateDer, consents);
    }

    public byte[] signedBytes() {
        return unsigned().signedBytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsentChange other && unsigned().equals(other.unsigned())
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unsigned(), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "ConsentChange[kioskId=" + kioskId + ", idempotencyKey=" + idempotencyKey + ", " + consents + "]";
    }
}
