package jp.mynakiosk.insurance;

import java.util.Arrays;
import java.util.Objects;

/**
 * "Is this card registered for insurance use?", signed by the card. Build it with
 * {@link UnsignedRegistrationQuery#sign(byte[])}. Sending the same signed query again while its nonce is valid (a
 * retry after a lost answer) is answered again; any other use of a used nonce is refused.
 */
public record RegistrationQuery(String kioskId, byte[] nonce, byte[] certificateDer, byte[] signature) {
    public RegistrationQuery {
        new UnsignedRegistrationQuery(kioskId, nonce, certificateDer);
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

    public UnsignedRegistrationQuery unsigned() {
        return new UnsignedRegistrationQuery(kioskId, nonce, certificateDer);
    }

    public byte[] signedBytes() {
        return unsigned().signedBytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrationQuery other && unsigned().equals(other.unsigned())
                && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unsigned(), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "RegistrationQuery[kioskId=" + kioskId + "]";
    }
}
