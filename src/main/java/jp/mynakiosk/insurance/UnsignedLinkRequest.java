package jp.mynakiosk.insurance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A {@link LinkRequest} before the card has signed it: the kiosk builds this, gives {@link #digestInfo()} to the
 * card's signing command, and {@link #sign(byte[]) signs} it with the card's answer.
 */
public record UnsignedLinkRequest(String kioskId, UUID idempotencyKey, byte[] nonce, byte[] certificateDer,
                                  HolderClaims holder, Consents consents) {
    public static final int MAX_KIOSK_ID_LENGTH = 64;
    public static final int MAX_NONCE_LENGTH = 64;
    public static final int MAX_CERTIFICATE_LENGTH = 8192;

    /** Names the format of {@link #signedBytes()}, so a signature made for anything else never verifies here. */
    private static final String FORMAT_TAG = "myna-kiosk/link-request/v1";
    private static final Pattern KIOSK_ID = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final byte[] SHA256_DIGEST_INFO_PREFIX = {
            0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00,
            0x04, 0x20};

    public UnsignedLinkRequest {
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(consents, "consents");
        checkKioskId(kioskId);
        nonce = bounded("nonce", nonce, MAX_NONCE_LENGTH);
        certificateDer = bounded("certificateDer", certificateDer, MAX_CERTIFICATE_LENGTH);
    }

    static void checkKioskId(String kioskId) {
        Objects.requireNonNull(kioskId, "kioskId");
        if (kioskId.length() > MAX_KIOSK_ID_LENGTH || !KIOSK_ID.matcher(kioskId).matches()) {
            throw new IllegalArgumentException("kioskId must be 1 to " + MAX_KIOSK_ID_LENGTH
                    + " of A-Z, a-z, 0-9 and _.-");
        }
    }

    static byte[] bounded(String field, byte[] value, int maxLength) {
        Objects.requireNonNull(value, field);
        if (value.length == 0 || value.length > maxLength) {
            throw new IllegalArgumentException(field + " must be 1 to " + maxLength + " bytes, was " + value.length);
        }
        return value.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    /**
     * The canonical bytes the card signs: a format tag, then every field in declaration order, each as a 4-byte
     * big-endian length followed by its bytes. Texts are UTF-8, the key is its 16 bytes (most significant first),
     * the birth date is ISO-8601 ({@code 1956-03-19}), the sex code is its decimal digit, each consent is
     * {@code 1} (yes) or {@code 0} (no).
     */
    public byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + certificateDer.length);
        field(out, text(FORMAT_TAG));
        field(out, text(kioskId));
        field(out, ByteBuffer.allocate(16).putLong(idempotencyKey.getMostSignificantBits())
                .putLong(idempotencyKey.getLeastSignificantBits()).array());
        field(out, nonce);
        field(out, certificateDer);
        field(out, text(holder.name()));
        field(out, text(holder.birthDate().toString()));
        field(out, text(Integer.toString(holder.sexCode())));
        field(out, text(consents.shareTreatmentAndMedication() ? "1" : "0"));
        field(out, text(consents.shareHealthCheckups() ? "1" : "0"));
        return out.toByteArray();
    }

    /** {@link #digestInfoFor(byte[]) digestInfoFor(signedBytes())}: the input of the card's signing command. */
    public byte[] digestInfo() {
        return digestInfoFor(signedBytes());
    }

    /** The signed request, with the card's PKCS#1 v1.5 signature over {@link #digestInfo()}. */
    public LinkRequest sign(byte[] signature) {
        return new LinkRequest(kioskId, idempotencyKey, nonce, certificateDer, holder, consents, signature);
    }

    /** The DER {@code DigestInfo} (SHA-256) of {@code signedBytes}: what the card's signing command is given. */
    public static byte[] digestInfoFor(byte[] signedBytes) {
        byte[] hash = sha256(signedBytes);
        byte[] digestInfo = Arrays.copyOf(SHA256_DIGEST_INFO_PREFIX, SHA256_DIGEST_INFO_PREFIX.length + hash.length);
        System.arraycopy(hash, 0, digestInfo, SHA256_DIGEST_INFO_PREFIX.length, hash.length);
        return digestInfo;
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnsignedLinkRequest other
                && kioskId.equals(other.kioskId)
                && idempotencyKey.equals(other.idempotencyKey)
                && Arrays.equals(nonce, other.nonce)
                && Arrays.equals(certificateDer, other.certificateDer)
                && holder.equals(other.holder)
                && consents.equals(other.consents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kioskId, idempotencyKey, Arrays.hashCode(nonce), Arrays.hashCode(certificateDer), holder,
                consents);
    }

    @Override
    public String toString() {
        return "UnsignedLinkRequest[kioskId=" + kioskId + ", idempotencyKey=" + idempotencyKey
                + ", holder=<redacted>, " + consents + "]";
    }
}
