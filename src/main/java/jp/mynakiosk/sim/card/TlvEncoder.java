package jp.mynakiosk.sim.card;

import java.io.ByteArrayOutputStream;

/** Writes the BER-TLV objects of the virtual card's files (1- or 2-byte tags, lengths up to 65535). */
final class TlvEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    TlvEncoder add(int tag, byte[] value) {
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            throw new IllegalArgumentException("TLV value too long for a card file: " + length);
        }
        out.writeBytes(value);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    static byte[] single(int tag, byte[] value) {
        return new TlvEncoder().add(tag, value).toBytes();
    }
}
