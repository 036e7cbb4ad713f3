package jp.mynakiosk.face;

/**
 * The format and size a photo declares, read from its first bytes before any decoder allocates pixels.
 * Knows JP2 files and raw JPEG 2000 codestreams (the card's format), JPEG and PNG.
 */
sealed interface PhotoHeader {
    int MAX_SIDE = 2048;
    long MAX_PIXELS = 4L * 1024 * 1024;
    String CODESTREAM = "JPEG 2000 codestream";

    record Valid(String format, int width, int height) implements PhotoHeader {
    }

    record Invalid(String reason) implements PhotoHeader {
    }

    static PhotoHeader read(byte[] bytes) {
        Bytes b = new Bytes(bytes);
        if (b.startsWith(0, 0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A)) {
            return jp2(b);
        }
        if (b.startsWith(0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return codestream(b, 0, b.length(), CODESTREAM);
        }
        if (b.startsWith(0, 0xFF, 0xD8, 0xFF)) {
            return jpeg(b);
        }
        if (b.startsWith(0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return png(b);
        }
        return new Invalid("not a JPEG 2000, JPEG or PNG image (unknown signature)");
    }

    private static PhotoHeader jp2(Bytes b) {
        int pos = 0;
        for (int box = 0; box < 64 && pos + 8 <= b.length(); box++) {
            long length = b.u32(pos);
            int type = (int) b.u32(pos + 4);
            int header = 8;
            if (length == 1) {
                if (pos + 16 > b.length()) {
                    return new Invalid("JP2 box " + box + ": truncated extended length");
                }
                long high = b.u32(pos + 8);
                length = high != 0 ? Long.MAX_VALUE : b.u32(pos + 12);
                header = 16;
            } else if (length == 0) {
                length = b.length() - pos;
            }
            if (length < header || length > b.length() - pos) {
                return new Invalid("JP2 box " + box + ": length " + length + " does not fit in " + b.length() + " bytes");
            }
            if (type == 0x6A703263) { // 'jp2c': the contiguous codestream
                return codestream(b, pos + header, pos + (int) length, "JP2");
            }
            pos += (int) length;
        }
        return new Invalid("JP2 file without a codestream box");
    }

    private static PhotoHeader codestream(Bytes b, int start, int end, String format) {
        // SOC, SIZ marker, fixed SIZ fields and the first component's depth: 43 bytes.
        if (end - start < 43 || !b.startsWith(start, 0xFF, 0x4F, 0xFF, 0x51)) {
            return new Invalid(format + ": codestream does not start with SOC and SIZ markers");
        }
        long width = b.u32(start + 8) - b.u32(start + 16);
        long height = b.u32(start + 12) - b.u32(start + 20);
        return sized(format, width, height);
    }

    private static PhotoHeader png(Bytes b) {
        if (b.length() < 24 || b.u32(12) != 0x49484452L) { // 'IHDR'
            return new Invalid("PNG without an IHDR chunk first");
        }
        return sized("PNG", b.u32(16), b.u32(20));
    }

    private static PhotoHeader jpeg(Bytes b) {
        int pos = 2;
        for (int segment = 0; segment < 256 && pos + 4 <= b.length(); segment++) {
            if (b.u8(pos) != 0xFF) {
                return new Invalid("JPEG: expected a marker at byte " + pos);
            }
            int marker = b.u8(pos + 1);
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += 2;
                continue;
            }
            int length = b.u16(pos + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF
                    && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                if (length < 8 || pos + 9 > b.length()) {
                    return new Invalid("JPEG: truncated frame header");
                }
                return sized("JPEG", b.u16(pos + 7), b.u16(pos + 5));
            }
            if (length < 2) {
                return new Invalid("JPEG: segment length " + length + " at byte " + pos);
            }
            pos += 2 + length;
        }
        return new Invalid("JPEG without a frame header");
    }

    private static PhotoHeader sized(String format, long width, long height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            return new Invalid(format + ": size " + width + "x" + height + " outside 1.." + MAX_SIDE + " per side");
        }
        return new Valid(format, (int) width, (int) height);
    }

    /** Big-endian reads; every caller checks bounds against length() first. */
    record Bytes(byte[] data) {
        int length() {
            return data.length;
        }

        int u8(int at) {
            return data[at] & 0xFF;
        }

        int u16(int at) {
            return at + 2 <= data.length ? (u8(at) << 8) | u8(at + 1) : 0;
        }

        long u32(int at) {
            return at + 4 <= data.length ? ((long) u16(at) << 16) | u16(at + 2) : 0;
        }

        boolean startsWith(int at, int... expected) {
            if (at < 0 || at + expected.length > data.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (u8(at + i) != expected[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "Bytes[" + data.length + " bytes]";
        }
    }
}
