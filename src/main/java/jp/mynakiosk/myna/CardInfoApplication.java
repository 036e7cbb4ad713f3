package jp.mynakiosk.myna;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.CardException;

/** The card-info input support application (券面事項入力補助, "Kenhojo"): My Number and the four attributes. */
public final class CardInfoApplication {
    public static final int PIN_FID = 0x0011;
    public static final int MY_NUMBER_FID = 0x0001;
    public static final int ATTRIBUTES_FID = 0x0002;
    /** {@code D0 0C} + 12 ASCII digits + {@code FF FF FF}. */
    public static final int MY_NUMBER_FILE_LENGTH = 17;
    public static final int MY_NUMBER_TAG = 0xD0;
    public static final int ATTRIBUTES_TAG = 0xFF20;
    public static final int HEADER_TAG = 0xDF21;
    public static final int NAME_TAG = 0xDF22;
    public static final int ADDRESS_TAG = 0xDF23;
    public static final int BIRTH_DATE_TAG = 0xDF24;
    public static final int SEX_TAG = 0xDF25;
    /** The signature record: SHA-256 of the My Number and of the attributes, and the issuer's signature. */
    public static final int SIGNATURE_FID = 0x0003;
    public static final int SIGNATURE_RECORD_TAG = 0xFF30;
    public static final int MY_NUMBER_HASH_TAG = 0xDF31;
    public static final int ATTRIBUTES_HASH_TAG = 0xDF32;
    public static final int SIGNATURE_TAG = 0xDF33;
    static final int MAX_ATTRIBUTES_SIZE = 4096;
    static final int MAX_SIGNATURE_RECORD_SIZE = 2048;
    private static final int SHA256_LENGTH = 32;
    private static final byte[] AID = {(byte) 0xD3, (byte) 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};
    private static final String NAME = "Kenhojo";

    private final CardIo io;

    CardInfoApplication(CardIo io) {
        this.io = io;
    }

    public static byte[] aid() {
        return AID.clone();
    }

    void select() throws CardException, MynaProtocolException {
        io.selectKnownApplication(AID, NAME);
    }

    /** Tries left on this application's PIN (0 when locked); leaves the PIN EF selected. */
    int triesLeft() throws CardException, MynaProtocolException {
        return io.pinTriesLeft(PIN_FID, NAME);
    }

    /** VERIFY; the PIN EF must already be selected by {@link #triesLeft()}. The caller wipes {@code pin}. */
    StatusWord verifyPin(byte[] pin) throws CardException, MynaProtocolException {
        return io.verify(pin);
    }

    /** The 12 ASCII digits of the My Number, check digit verified. The caller wipes the result. */
    byte[] readMyNumber() throws CardException, MynaProtocolException {
        io.selectFile(MY_NUMBER_FID, NAME);
        byte[] file = io.readExactly(0, MY_NUMBER_FILE_LENGTH, "Kenhojo My Number");
        try {
            if ((file[0] & 0xFF) != MY_NUMBER_TAG || file[1] != MyNumberCheckDigit.LENGTH) {
                throw new MynaProtocolException(String.format(
                        "Kenhojo My Number file starts %02X %02X; expected D0 0C", file[0], file[1]));
            }
            byte[] digits = Arrays.copyOfRange(file, 2, 2 + MyNumberCheckDigit.LENGTH);
            if (!MyNumberCheckDigit.isValid(digits)) {
                Arrays.fill(digits, (byte) 0);
                throw new MynaProtocolException("Kenhojo My Number is not 12 digits with a valid check digit");
            }
            return digits;
        } finally {
            Arrays.fill(file, (byte) 0);
        }
    }

    /**
     * The holder's attributes and the SHA-256 of the attributes object in both forms a signature record may
     * cover (the whole FF20 TLV, or its value).
     */
    record Attributes(CardHolder holder, byte[] tlvDigest, byte[] valueDigest) {
        @Override
        public String toString() {
            return "Attributes[redacted]";
        }
    }

    /** Name, birth date and sex; the address is decoded (to check the file) and dropped. */
    Attributes readHolder() throws CardException, MynaProtocolException {
        io.selectFile(ATTRIBUTES_FID, NAME);
        byte[] file = io.readTlvFile(5, MAX_ATTRIBUTES_SIZE, "Kenhojo attributes");
        Tlv attributes = null;
        try {
            Tlv.Header header = Tlv.header(file, 0, file.length);
            attributes = Tlv.parseFirst(file);
            if (attributes.tag() != ATTRIBUTES_TAG) {
                throw new MynaProtocolException("Kenhojo attributes file has tag " + Tlv.hex(attributes.tag())
                        + "; expected FF20");
            }
            String name = utf8(attributes.requireChild(NAME_TAG), "name");
            utf8(attributes.requireChild(ADDRESS_TAG), "address");
            LocalDate birthDate = birthDate(attributes.requireChild(BIRTH_DATE_TAG));
            Sex sex = sex(attributes.requireChild(SEX_TAG));
            MessageDigest sha256 = sha256();
            sha256.update(file, 0, header.totalLength());
            byte[] tlvDigest = sha256.digest();
            sha256.update(file, header.headerLength(), header.valueLength());
            return new Attributes(new CardHolder(name, birthDate, sex), tlvDigest, sha256.digest());
        } catch (MynaProtocolException e) {
            throw new MynaProtocolException("Kenhojo attributes: " + e.getMessage(), e);
        } finally {
            Arrays.fill(file, (byte) 0);
            if (attributes != null) {
                attributes.wipe();
            }
        }
    }

    /**
     * Reads the signature record (EF 0003) and checks its hashes against what was read: DF31 against the
     * 12 digits of the My Number (or their D0 TLV), DF32 against the attributes. False when they differ or
     * the record is missing: the card's data was altered. The signature itself (DF33) is the issuer's and is
     * not checked here.
     */
    boolean signatureRecordMatches(byte[] myNumber, Attributes attributes) throws CardException,
            MynaProtocolException {
        StatusWord selected = StatusWord.of(io.transmit(Apdu.selectFile(SIGNATURE_FID)));
        if (selected.isNotFound()) {
            return false;
        }
        if (!selected.isSuccess()) {
            throw new MynaProtocolException("Kenhojo: SELECT EF 0003 answered " + selected);
        }
        // DF33 (the issuer's signature) comes last and is not read
        Map<Integer, byte[]> hashes = io.readChildren(5, MAX_SIGNATURE_RECORD_SIZE, "Kenhojo signature record",
                SIGNATURE_RECORD_TAG, Set.of(MY_NUMBER_HASH_TAG, ATTRIBUTES_HASH_TAG));
        byte[] numberHash = digest(hashes.get(MY_NUMBER_HASH_TAG), "DF31");
        byte[] attributesHash = digest(hashes.get(ATTRIBUTES_HASH_TAG), "DF32");
        MessageDigest sha256 = sha256();
        byte[] overDigits = sha256.digest(myNumber);
        sha256.update(new byte[] {(byte) MY_NUMBER_TAG, (byte) MyNumberCheckDigit.LENGTH});
        byte[] overTlv = sha256.digest(myNumber);
        boolean numberMatches = MessageDigest.isEqual(numberHash, overDigits)
                || MessageDigest.isEqual(numberHash, overTlv);
        boolean attributesMatch = MessageDigest.isEqual(attributesHash, attributes.tlvDigest())
                || MessageDigest.isEqual(attributesHash, attributes.valueDigest());
        return numberMatches && attributesMatch;
    }

    private static byte[] digest(byte[] value, String name) throws MynaProtocolException {
        if (value.length != SHA256_LENGTH) {
            throw new MynaProtocolException("Kenhojo signature record: " + name + " has " + value.length
                    + " bytes; expected a SHA-256 hash (" + SHA256_LENGTH + ")");
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Decodes a card date {@code YYYYMMDD} (ASCII). Shared with the card face application. */
    static LocalDate birthDate(Tlv field) throws MynaProtocolException {
        byte[] raw = field.value();
        try {
            if (raw.length != 8 || !allDigits(raw)) {
                throw new MynaProtocolException("birth date field has " + raw.length
                        + " bytes; expected 8 ASCII digits YYYYMMDD");
            }
            int year = number(raw, 0, 4);
            int month = number(raw, 4, 2);
            int day = number(raw, 6, 2);
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new MynaProtocolException("birth date field is not a calendar date");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static Sex sex(Tlv field) throws MynaProtocolException {
        byte[] raw = field.value();
        if (raw.length != 1 || !allDigits(raw)) {
            throw new MynaProtocolException("sex field has " + raw.length + " bytes; expected one ASCII digit");
        }
        try {
            return Sex.ofCode(raw[0] - '0');
        } catch (IllegalArgumentException e) {
            throw new MynaProtocolException("sex field is not an ISO 5218 code (0, 1, 2 or 9)");
        }
    }

    private static String utf8(Tlv field, String what) throws MynaProtocolException {
        byte[] raw = field.value();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MynaProtocolException(what + " field is not valid UTF-8");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static boolean allDigits(byte[] raw) {
        for (byte b : raw) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(byte[] raw, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (raw[i] - '0');
        }
        return value;
    }
}
