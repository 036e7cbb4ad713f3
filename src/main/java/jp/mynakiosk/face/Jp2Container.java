package jp.mynakiosk.face;

import java.nio.ByteBuffer;

/**
 * Wraps a raw JPEG 2000 codestream in a minimal JP2 file (signature, file type, header, codestream boxes):
 * OpenCV only recognizes JPEG 2000 by the JP2 signature, while a card may hold the bare codestream.
 */
final class Jp2Container {
    private static final int CSIZ = 40;
    private static final int SSIZ = 42;
    private static final int GREYSCALE = 17;
    private static final int SRGB = 16;

    private Jp2Container() {
    }

    /** The codestream must already have passed {@link PhotoHeader#read}, which checked SOC and SIZ. */
    static byte[] wrap(byte[] codestream, PhotoHeader.Valid header) {
        if (codestream.length < SSIZ + 1) {
            throw new IllegalArgumentException("codestream too short for a SIZ segment: " + codestream.length + " bytes");
        }
        int components = ((codestream[CSIZ] & 0xFF) << 8) | (codestream[CSIZ + 1] & 0xFF);
        int bitsPerComponent = codestream[SSIZ] & 0xFF;
        int ihdr = 8 + 14;
        int colr = 8 + 7;
        int jp2h = 8 + ihdr + colr;
        ByteBuffer out = ByteBuffer.allocate(12 + 20 + jp2h + 8 + codestream.length);
        out.putInt(12).putInt(0x6A502020).putInt(0x0D0A870A);                          // signature
        out.putInt(20).putInt(0x66747970).putInt(0x6A703220).putInt(0).putInt(0x6A703220); // ftyp: jp2
        out.putInt(jp2h).putInt(0x6A703268);                                             // jp2h
        out.putInt(ihdr).putInt(0x69686472).putInt(header.height()).putInt(header.width())
                .putShort((short) components).put((byte) bitsPerComponent).put((byte) 7).put((byte) 0).put((byte) 0);
        out.putInt(colr).putInt(0x636F6C72).put((byte) 1).put((byte) 0).put((byte) 0)
                .putInt(components < 3 ? GREYSCALE : SRGB);
        out.putInt(8 + codestream.length).putInt(0x6A703263).put(codestream);               // jp2c
        return out.array();
    }
}
