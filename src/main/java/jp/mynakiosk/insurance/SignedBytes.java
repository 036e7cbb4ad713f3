package jp.mynakiosk.insurance;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds the canonical bytes a card signs: a format tag, then each field as a 4-byte big-endian length followed by
 * its bytes (texts UTF-8, a key its 16 bytes most significant first, a yes/no {@code 1}/{@code 0}). The same layout
 * as {@link UnsignedLinkRequest#signedBytes()}; the tag keeps a signature for one kind of request from verifying as
 * another.
 */
final class SignedBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(2048);

    SignedBytes(String formatTag) {
        text(formatTag);
    }

    SignedBytes text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    SignedBytes key(UUID key) {
        return bytes(ByteBuffer.allocate(16).putLong(key.getMostSignificantBits())
                .putLong(key.getLeastSignificantBits()).array());
    }

    SignedBytes yesNo(boolean b) {
        return text(b ? "1" : "0");
    }

    SignedBytes bytes(byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
