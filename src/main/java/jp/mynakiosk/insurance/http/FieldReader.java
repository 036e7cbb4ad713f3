package jp.mynakiosk.insurance.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads the fields {@link FieldWriter} wrote, bounding every length before it allocates. */
final class FieldReader {
    private final ByteBuffer in;

    FieldReader(byte[] message) {
        this.in = ByteBuffer.wrap(message);
    }

    byte[] bytes(String field, int maxLength) {
        if (in.remaining() < 4) {
            throw new MalformedMessageException("field '" + field + "' is missing: the message ends early");
        }
        int length = in.getInt();
        if (length < 0 || length > maxLength) {
            throw new MalformedMessageException("field '" + field + "' must be 0 to " + maxLength + " bytes, its length says "
                    + Integer.toUnsignedString(length));
        }
        if (length > in.remaining()) {
            throw new MalformedMessageException("field '" + field + "' says " + length + " bytes but only "
                    + in.remaining() + " follow");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    String text(String field, int maxLength) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes(field, maxLength * 4))).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException("field '" + field + "' is not UTF-8");
        }
    }

    UUID key(String field) {
        byte[] b = bytes(field, 16);
        if (b.length != 16) {
            throw new MalformedMessageException("field '" + field + "' must be 16 bytes, was " + b.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    boolean yesNo(String field) {
        String value = text(field, 1);
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new MalformedMessageException("field '" + field + "' must be 1 or 0");
        };
    }

    int smallNumber(String field) {
        String value = text(field, 9);
        if (!value.matches("-?[0-9]{1,9}")) {
            throw new MalformedMessageException("field '" + field + "' must be a decimal number");
        }
        return Integer.parseInt(value);
    }

    long number(String field) {
        String value = text(field, 19);
        if (!value.matches("-?[0-9]{1,18}")) {
            throw new MalformedMessageException("field '" + field + "' must be a decimal number");
        }
        return Long.parseLong(value);
    }

    LocalDate date(String field) {
        String value = text(field, 10);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedMessageException("field '" + field + "' must be an ISO date like 2026-11-25");
        }
    }

    /** Fails unless every byte was read: a message with trailing bytes is not one this format wrote. */
    void end() {
        if (in.hasRemaining()) {
            throw new MalformedMessageException(in.remaining() + " unexpected bytes after the last field");
        }
    }
}
