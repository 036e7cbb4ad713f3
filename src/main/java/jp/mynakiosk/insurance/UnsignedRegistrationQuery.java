package jp.mynakiosk.insurance;

import java.util.Arrays;
import java.util.Objects;

/**
 * A "check registration" question before the card has signed it. The kiosk gives {@link #digestInfo()} to the
 * card's signing command (user-authentication key) and {@link #sign(byte[]) signs} it with the card's answer.
 *
 * @param kioskId        the kiosk's configured id
 * @param nonce          from {@link EligibilityService#issueChallenge()}
 * @param certificateDer the card's user-authentication certificate, DER
 */
public record UnsignedRegistrationQuery(String kioskId, byte[] nonce, byte[] certificateDer) {
    private static final String FORMAT_TAG = "myna-kiosk/registration-query/v1";

    public UnsignedRegistrationQuery {
        UnsignedLinkRequest.checkKioskId(kioskId);
        nonce = UnsignedLinkRequest.bounded("nonce", nonce, UnsignedLinkRequest.MAX_NONCE_LENGTH);
        certificateDer = UnsignedLinkRequest.bounded("certificateDer", certificateDer,
                UnsignedLinkRequest.MAX_CERTIFICATE_LENGTH);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    /** The format tag, the kiosk id, the nonce and the certificate, laid out as {@link SignedBytes} describes. */
    public byte[] signedBytes() {
        return new SignedBytes(FORMAT_TAG).text(kioskId).bytes(nonce).bytes(certificateDer).toByteArray();
    }

    /** The input of the card's signing command. */
    public byte[] digestInfo() {
        return UnsignedLinkRequest.digestInfoFor(signedBytes());
    }

    public RegistrationQuery sign(byte[] signature) {
        return new RegistrationQuery(kioskId, nonce, certificateDer, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsignedRegistrationQuery other && kioskId.equals(other.kioskId)
                && Arrays.equals(nonce, other.nonce) && Arrays.equals(certificateDer, other.certificateDer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kioskId, Arrays.hashCode(nonce), Arrays.hashCode(certificateDer));
    }

    @Override
    public String toString() {
        return "UnsignedRegistrationQuery[kioskId=" + kioskId + "]";
    }
}
