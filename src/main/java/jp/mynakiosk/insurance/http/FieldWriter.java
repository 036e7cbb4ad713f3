package jp.mynakiosk.insurance.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/** Writes a wire message: each field a 4-byte big-endian length, then its bytes. */
final class FieldWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    FieldWriter bytes(byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
        out.writeBytes(value);
        return this;
    }

    FieldWriter text(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    FieldWriter key(UUID key) {
        return bytes(ByteBuffer.allocate(16).putLong(key.getMostSignificantBits())
                .putLong(key.getLeastSignificantBits()).array());
    }

    FieldWriter yesNo(boolean value) {
        return text(value ? "1" : "0");
    }

    FieldWriter number(long value) {
        return text(Long.toString(value));
    }

    FieldWriter date(LocalDate date) {
        return text(date.toString());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
