package jp.mynakiosk.myna;

import javax.smartcardio.CommandAPDU;

/** The command APDUs the kiosk sends to a My Number card. */
public final class Apdu {
    /** The largest Le a short READ BINARY can ask for (encoded as 00). */
    public static final int MAX_READ = 256;

    private Apdu() {
    }

    /** SELECT an application by AID, without asking for FCI: {@code 00 A4 04 0C Lc AID}. */
    public static CommandAPDU selectApplication(byte[] aid) {
        return new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, aid);
    }

    /** SELECT an elementary file of the current application: {@code 00 A4 02 0C 02 FID}. */
    public static CommandAPDU selectFile(int fid) {
        return new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (fid >> 8), (byte) fid});
    }

    /** READ BINARY of {@code length} bytes (1..256) from {@code offset} (0..32767). */
    public static CommandAPDU readBinary(int offset, int length) {
        if (offset < 0 || offset > 0x7FFF) {
            throw new IllegalArgumentException("READ BINARY offset out of range: " + offset);
        }
        if (length < 1 || length > MAX_READ) {
            throw new IllegalArgumentException("READ BINARY length out of range: " + length);
        }
        return new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, length);
    }

    /**
     * VERIFY the currently selected PIN: {@code 00 20 00 80 Lc PIN}. Returned as raw bytes rather than a
     * {@code CommandAPDU} (which keeps a private copy nobody can wipe); the caller wipes both arrays.
     */
    public static byte[] verify(byte[] pin) {
        if (pin.length == 0 || pin.length > 16) {
            throw new IllegalArgumentException("VERIFY takes 1..16 bytes of PIN data, got " + pin.length);
        }
        byte[] apdu = new byte[5 + pin.length];
        apdu[1] = 0x20;
        apdu[3] = (byte) 0x80;
        apdu[4] = (byte) pin.length;
        System.arraycopy(pin, 0, apdu, 5, pin.length);
        return apdu;
    }

    /** VERIFY with no data: asks how many tries are left ({@code 63 Cx}). */
    public static CommandAPDU verifyStatus() {
        return new CommandAPDU(0x00, 0x20, 0x00, 0x80);
    }

    /** COMPUTE DIGITAL SIGNATURE over a DigestInfo with the selected key: {@code 80 2A 00 80 Lc data 00}. */
    public static CommandAPDU sign(byte[] digestInfo) {
        return new CommandAPDU(0x80, 0x2A, 0x00, 0x80, digestInfo, MAX_READ);
    }
}
