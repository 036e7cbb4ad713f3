package jp.mynakiosk.myna;

import javax.smartcardio.ResponseAPDU;

/** The two trailing status bytes of a card answer, with the meanings the My Number card uses. */
public record StatusWord(int value) {
    public static final StatusWord SUCCESS = new StatusWord(0x9000);
    public static final StatusWord NOT_FOUND = new StatusWord(0x6A82);
    public static final StatusWord SECURITY_NOT_SATISFIED = new StatusWord(0x6982);
    public static final StatusWord AUTHENTICATION_BLOCKED = new StatusWord(0x6983);
    public static final StatusWord REFERENCE_DATA_UNUSABLE = new StatusWord(0x6984);
    public static final StatusWord COMMAND_NOT_ALLOWED = new StatusWord(0x6986);
    public static final StatusWord WRONG_LENGTH = new StatusWord(0x6700);
    public static final StatusWord OFFSET_OUT_OF_RANGE = new StatusWord(0x6B00);
    public static final StatusWord INCORRECT_P1_P2 = new StatusWord(0x6A86);
    public static final StatusWord INS_NOT_SUPPORTED = new StatusWord(0x6D00);
    public static final StatusWord CLA_NOT_SUPPORTED = new StatusWord(0x6E00);

    public StatusWord {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("a status word has two bytes: " + value);
        }
    }

    public static StatusWord of(ResponseAPDU response) {
        return new StatusWord(response.getSW());
    }

    /** The 63 Cx status word that reports x tries left. */
    public static StatusWord triesLeft(int tries) {
        if (tries < 0 || tries > 0xF) {
            throw new IllegalArgumentException("tries left must fit in one nibble: " + tries);
        }
        return new StatusWord(0x63C0 | tries);
    }

    public int sw1() {
        return value >> 8;
    }

    public int sw2() {
        return value & 0xFF;
    }

    public boolean isSuccess() {
        return value == 0x9000;
    }

    /** 63 Cx: a PIN counter report (after a failed VERIFY, or for a VERIFY without data). */
    public boolean isTriesLeftReport() {
        return (value & 0xFFF0) == 0x63C0;
    }

    /** The x of 63 Cx; only meaningful when {@link #isTriesLeftReport()}. */
    public int reportedTries() {
        return value & 0x0F;
    }

    /** The card does not confirm which code it uses for a locked PIN, so all three count. */
    public boolean isPinLocked() {
        return value == 0x63C0 || value == 0x6983 || value == 0x6984;
    }

    public boolean isNotFound() {
        return value == 0x6A82;
    }

    public boolean isSecurityNotSatisfied() {
        return value == 0x6982;
    }

    public byte[] toBytes() {
        return new byte[] {(byte) sw1(), (byte) sw2()};
    }

    @Override
    public String toString() {
        return String.format("%02X %02X", sw1(), sw2());
    }
}
