package jp.mynakiosk.myna;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.smartcardio.CardException;
import javax.smartcardio.ResponseAPDU;

/** The public personal authentication (JPKI) application: token, user-authentication certificate, PIN, signing. */
public final class JpkiApplication {
    public static final int TOKEN_FID = 0x0006;
    public static final int AUTH_CERTIFICATE_FID = 0x000A;
    public static final int AUTH_CA_CERTIFICATE_FID = 0x000B;
    public static final int AUTH_KEY_FID = 0x0017;
    public static final int AUTH_PIN_FID = 0x0018;
    public static final int TOKEN_LENGTH = 32;
    /** The token of a My Number card; the file pads it with spaces to {@link #TOKEN_LENGTH} bytes. */
    public static final String MY_NUMBER_CARD_TOKEN = "JPKIAPICCTOKEN2";
    /** The token of an old Basic Resident Register (Juki) card with JPKI. */
    public static final String JUKI_CARD_TOKEN = "JPKIAPICCTOKEN";
    /** The token of the smartphone JPKI applet (GP secure element). */
    public static final String SMARTPHONE_TOKEN = "JPKIAPGPSETOKEN";
    /** RSA-2048 with PKCS#1 v1.5 padding takes at most 245 bytes of DigestInfo. */
    public static final int MAX_DIGEST_INFO = 245;
    public static final int SIGNATURE_LENGTH = 256;
    static final int MAX_CERTIFICATE_SIZE = 8192;
    private static final byte[] AID = {(byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};
    private static final String NAME = "JPKI";

    private final CardIo io;

    JpkiApplication(CardIo io) {
        this.io = io;
    }

    public static byte[] aid() {
        return AID.clone();
    }

    /** SELECT the application; false when the card has none (any error answer counts as none). */
    boolean select() throws CardException {
        return io.selectApplication(AID).isSuccess();
    }

    void selectOrFail() throws CardException, MynaProtocolException {
        io.selectKnownApplication(AID, "JPKI");
    }

    /**
     * Reads the token file (EF 0006, 32 bytes) and says whose JPKI this is; {@link CardKind#UNKNOWN_CARD}
     * when the file is missing, unreadable or holds another token.
     */
    CardKind kindFromToken() throws CardException {
        if (!io.selectApplicationFile(TOKEN_FID)) {
            return CardKind.UNKNOWN_CARD;
        }
        ResponseAPDU response = io.transmit(Apdu.readBinary(0, TOKEN_LENGTH));
        byte[] token = response.getData();
        if (!StatusWord.of(response).isSuccess() || token.length != TOKEN_LENGTH) {
            return CardKind.UNKNOWN_CARD;
        }
        if (holdsToken(token, MY_NUMBER_CARD_TOKEN)) {
            return CardKind.MY_NUMBER_CARD;
        }
        if (holdsToken(token, JUKI_CARD_TOKEN)) {
            return CardKind.JUKI_CARD;
        }
        if (holdsToken(token, SMARTPHONE_TOKEN)) {
            return CardKind.SMARTPHONE_JPKI;
        }
        return CardKind.UNKNOWN_CARD;
    }

    /** The token text followed only by padding (spaces, 00 or FF). */
    private static boolean holdsToken(byte[] token, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (!Arrays.equals(token, 0, expected.length, expected, 0, expected.length)) {
            return false;
        }
        for (int i = expected.length; i < token.length; i++) {
            if (token[i] != ' ' && token[i] != 0 && token[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    byte[] readAuthCertificate() throws CardException, MynaProtocolException {
        io.selectFile(AUTH_CERTIFICATE_FID, NAME);
        byte[] der = io.readTlvFile(4, MAX_CERTIFICATE_SIZE, "JPKI user-authentication certificate");
        if (der[0] != 0x30) {
            throw new MynaProtocolException(String.format(
                    "JPKI user-authentication certificate starts with %02X; expected a DER SEQUENCE (30)", der[0]));
        }
        return der;
    }

    /** Tries left on the user-authentication PIN, from a VERIFY without data. */
    PinTries triesLeft() throws CardException, MynaProtocolException {
        return new PinTries(io.pinTriesLeft(AUTH_PIN_FID, NAME));
    }

    /** VERIFY the user-authentication PIN (ASCII digits); the caller wipes {@code pin}. */
    StatusWord verifyPin(byte[] pin) throws CardException, MynaProtocolException {
        io.selectFile(AUTH_PIN_FID, NAME);
        return io.verify(pin);
    }

    byte[] sign(byte[] digestInfo) throws CardException, MynaProtocolException {
        if (digestInfo.length == 0 || digestInfo.length > MAX_DIGEST_INFO) {
            throw new IllegalArgumentException("a DigestInfo for RSA-2048 has 1.." + MAX_DIGEST_INFO
                    + " bytes, got " + digestInfo.length);
        }
        io.selectFile(AUTH_KEY_FID, NAME);
        ResponseAPDU response = io.transmit(Apdu.sign(digestInfo));
        StatusWord sw = StatusWord.of(response);
        if (!sw.isSuccess()) {
            throw new MynaProtocolException("JPKI COMPUTE DIGITAL SIGNATURE answered " + sw);
        }
        byte[] signature = response.getData();
        if (signature.length != SIGNATURE_LENGTH) {
            throw new MynaProtocolException("JPKI signature has " + signature.length + " bytes; expected "
                    + SIGNATURE_LENGTH);
        }
        return signature;
    }
}
