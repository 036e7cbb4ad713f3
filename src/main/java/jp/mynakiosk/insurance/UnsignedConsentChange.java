package jp.mynakiosk.insurance;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to replace a registered card's consents, before the card has signed it. The kiosk gives
 * {@link #digestInfo()} to the card's signing command and {@link #sign(byte[]) signs} it with the card's answer.
 *
 * @param idempotencyKey random per attempt; a retry of the same attempt sends the same key and bytes
 * @param consents       the complete new choice (both answers), not a difference
 */
public record UnsignedConsentChange(String kioskId, UUID idempotencyKey, byte[] nonce, byte[] certificateDer,
                                    Consents consents) {
    private static final String FORMAT_TAG = "myna-kiosk/consent-change/v1";

    public UnsignedConsentChange {
        UnsignedLinkRequest.checkKioskId(kioskId);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(consents, "consents");
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

    /** Tag, kiosk id, key, nonce, certificate, then the two consents, laid out as {@link SignedBytes} describes. */
    public byte[] signedBytes() {
        return new SignedBytes(FORMAT_TAG).text(kioskId).key(idempotencyKey).bytes(nonce).bytes(certificateDer)
                .yesNo(consents.shareTreatmentAndMedication()).yesNo(consents.shareHealthCheckups()).toByteArray();
    }

    /** The input of the card's signing command. */
    public byte[] digestInfo() {
        return UnsignedLinkRequest.digestInfoFor(signedBytes());
    }

    public ConsentChange sign(byte[] signature) {
        return new ConsentChange(kioskId, idempotencyKey, nonce, certificateDer, consents, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsignedConsentChange other && kioskId.equals(other.kioskId)
                && idempotencyKey.equals(other.idempotencyKey) && Arrays.equals(nonce, other.nonce)
                && Arrays.equals(certificateDer, other.certificateDer) && consents.equals(other.consents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kioskId, idempotencyKey, Arrays.hashCode(nonce), Arrays.hashCode(certificateDer), consents);
    }

    @Override
    public String toString() {
        return "UnsignedConsentChange[kioskId=" + kioskId + ", idempotencyKey=" + idempotencyKey + ", " + consents + "]";
    }
}
