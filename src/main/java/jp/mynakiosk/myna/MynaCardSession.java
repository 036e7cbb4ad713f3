package jp.mynakiosk.myna;

import java.util.Arrays;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * The kiosk's conversation with one My Number card on one channel: identify it, unlock it with the
 * user-authentication PIN (reading the holder's attributes and face photo on the way), and sign.
 * Not thread-safe: one session per inserted card, used from one worker thread.
 */
public final class MynaCardSession {
    /** The user-authentication PIN has exactly 4 digits. */
    public static final int PIN_LENGTH = 4;

    private final JpkiApplication jpki;
    private final CardInfoApplication cardInfo;
    private final CardFaceApplication cardFace;
    private boolean unlocked;

    public MynaCardSession(CardChannel channel) {
        CardIo io = new CardIo(channel);
        this.jpki = new JpkiApplication(io);
        this.cardInfo = new CardInfoApplication(io);
        this.cardFace = new CardFaceApplication(io);
    }

    /**
     * SELECT JPKI, read the token (0006) to tell a My Number card from a Juki card, a smartphone JPKI token,
     * an unknown card and one that does not answer (see {@link CardKind}); for a My Number card read the user-authentication certificate (000A: 4 bytes, then
     * 256-byte chunks, exact Le at the end), ask for tries left (VERIFY without data on PIN EF 0018).
     */
    public CardCheck identify() throws CardException, MynaProtocolException {
        unlocked = false;
        boolean selected;
        try {
            selected = jpki.select();
        } catch (CardException e) {
            if (CardSilence.isUnresponsive(e)) {
                return CardCheck.notUsable(CardKind.UNRESPONSIVE);
            }
            throw e;
        }
        CardKind kind = selected ? jpki.kindFromToken() : CardKind.UNKNOWN_CARD;
        if (kind != CardKind.MY_NUMBER_CARD) {
            return CardCheck.notUsable(kind);
        }
        byte[] certificate = jpki.readAuthCertificate();
        PinTries tries = jpki.triesLeft();
        return new CardCheck(CardKind.MY_NUMBER_CARD, certificate, tries);
    }

    /**
     * VERIFY the JPKI user-authentication PIN; only if it is correct: SELECT Kenhojo, VERIFY its PIN (0011)
     * with the same digits, read My Number (0001), the attributes (0002) and the signature record (0003,
     * whose hashes must match: {@link PinCheck.CardDataTampered} otherwise), SELECT Kenmen, VERIFY 照合番号A
     * (0013) with the My Number, read the face photo (0002, DF27), then SELECT JPKI and VERIFY the PIN again
     * so that the authentication key stays usable for {@link #sign(byte[])}. Wipes its own copies of the PIN
     * and the My Number; the caller wipes {@code pin}.
     *
     * @param pin exactly {@link #PIN_LENGTH} digits
     */
    public PinCheck unlock(char[] pin) throws CardException, MynaProtocolException {
        unlocked = false;
        byte[] digits = asciiDigits(pin);
        try {
            if (!jpki.select()) {
                throw new MynaProtocolException("SELECT JPKI failed on a card identified as a My Number card");
            }
            StatusWord first = jpki.verifyPin(digits);
            if (!first.isSuccess()) {
                return refused(first);
            }
            cardInfo.select();
            int cardInfoTries = cardInfo.triesLeft();
            // Never spend the last try of a PIN the user did not type for this application: it may differ.
            if (cardInfoTries <= 1 || !cardInfo.verifyPin(digits).isSuccess()) {
                return new PinCheck.CardInfoPinDiffers();
            }
            PinCheck read = readHolderAndPhoto();
            if (!(read instanceof PinCheck.Unlocked result)) {
                return read;
            }
            jpki.selectOrFail();
            StatusWord again = jpki.verifyPin(digits);
            if (!again.isSuccess()) {
                result.wipe();
                throw new MynaProtocolException("JPKI refused the PIN it had just accepted: " + again);
            }
            unlocked = true;
            return result;
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
    }

    /**
     * SELECT the authentication key (EF 0017) and sign a DigestInfo ({@code 80 2A 00 80 Lc data 00}); the
     * card adds the PKCS#1 v1.5 padding. Only after a successful {@link #unlock(char[])}.
     */
    public byte[] sign(byte[] digestInfo) throws CardException, MynaProtocolException {
        if (!unlocked) {
            throw new IllegalStateException("sign() needs a successful unlock() first");
        }
        return jpki.sign(digestInfo);
    }

    private PinCheck readHolderAndPhoto() throws CardException, MynaProtocolException {
        byte[] myNumber = cardInfo.readMyNumber();
        try {
            CardInfoApplication.Attributes attributes = cardInfo.readHolder();
            if (!cardInfo.signatureRecordMatches(myNumber, attributes)) {
                return new PinCheck.CardDataTampered();
            }
            cardFace.select();
            cardFace.verifyWithMyNumber(myNumber);
            return new PinCheck.Unlocked(attributes.holder(), cardFace.readFacePhoto());
        } finally {
            Arrays.fill(myNumber, (byte) 0);
        }
    }

    private static PinCheck refused(StatusWord sw) throws MynaProtocolException {
        if (sw.isPinLocked()) {
            return new PinCheck.Locked();
        }
        if (sw.isTriesLeftReport()) {
            return new PinCheck.WrongPin(sw.reportedTries());
        }
        throw new MynaProtocolException("JPKI VERIFY answered " + sw);
    }

    private static byte[] asciiDigits(char[] pin) {
        if (pin.length != PIN_LENGTH) {
            throw new IllegalArgumentException("the PIN must have " + PIN_LENGTH + " digits, got " + pin.length);
        }
        byte[] digits = new byte[pin.length];
        for (int i = 0; i < pin.length; i++) {
            if (pin[i] < '0' || pin[i] > '9') {
                Arrays.fill(digits, (byte) 0);
                throw new IllegalArgumentException("the PIN must be ASCII digits only");
            }
            digits[i] = (byte) pin[i];
        }
        return digits;
    }
}
