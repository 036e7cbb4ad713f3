package jp.mynakiosk.myna;

import java.util.Arrays;
import java.util.Set;
import javax.smartcardio.CardException;

/** The card face application (券面事項確認, "Kenmen"): the face photo, unlocked with the My Number. */
public final class CardFaceApplication {
    /** 照合番号A: VERIFY with the 12 My Number digits. */
    public static final int NUMBER_A_FID = 0x0013;
    public static final int CARD_FACE_FID = 0x0002;
    public static final int CARD_FACE_TAG = 0xFF20;
    public static final int HEADER_TAG = 0xDF21;
    public static final int BIRTH_DATE_TAG = 0xDF22;
    public static final int SEX_TAG = 0xDF23;
    public static final int FACE_PHOTO_TAG = 0xDF27;
    public static final int EXPIRY_TAG = 0xDF29;
    /** READ BINARY offsets have 15 bits. */
    static final int MAX_CARD_FACE_SIZE = 0x8000;
    private static final byte[] AID = {(byte) 0xD3, (byte) 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02};
    private static final byte[] JP2_SIGNATURE = {0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A,
        (byte) 0x87, 0x0A};
    private static final byte[] J2K_CODESTREAM_START = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};
    private static final String NAME = "Kenmen";

    private final CardIo io;

    CardFaceApplication(CardIo io) {
        this.io = io;
    }

    public static byte[] aid() {
        return AID.clone();
    }

    void select() throws CardException, MynaProtocolException {
        io.selectKnownApplication(AID, NAME);
    }

    /** VERIFY 照合番号A with the My Number digits read from Kenhojo; the caller wipes {@code myNumber}. */
    void verifyWithMyNumber(byte[] myNumber) throws CardException, MynaProtocolException {
        io.selectFile(NUMBER_A_FID, NAME);
        StatusWord sw = io.verify(myNumber);
        if (!sw.isSuccess()) {
            throw new MynaProtocolException("Kenmen refused the My Number read from Kenhojo: " + sw);
        }
    }

    /**
     * The face photo exactly as stored (JPEG 2000, JP2 file or raw codestream). Only the card face object's
     * children up to the photo (DF27) are read; the images after it are not.
     */
    byte[] readFacePhoto() throws CardException, MynaProtocolException {
        io.selectFile(CARD_FACE_FID, NAME);
        byte[] photo = io.readChildren(5, MAX_CARD_FACE_SIZE, "Kenmen card face", CARD_FACE_TAG,
                Set.of(FACE_PHOTO_TAG)).get(FACE_PHOTO_TAG);
        if (!startsWith(photo, JP2_SIGNATURE) && !startsWith(photo, J2K_CODESTREAM_START)) {
            Arrays.fill(photo, (byte) 0);
            throw new MynaProtocolException("Kenmen card face: face photo (" + photo.length
                    + " bytes) is neither a JP2 file nor a JPEG 2000 codestream");
        }
        return photo;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
