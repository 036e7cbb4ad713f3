package jp.mynakiosk.sim.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.mynakiosk.myna.CardFaceApplication;
import jp.mynakiosk.myna.CardInfoApplication;
import jp.mynakiosk.myna.JpkiApplication;
import jp.mynakiosk.sim.card.CardApplication.BinaryFile;
import jp.mynakiosk.sim.card.CardApplication.CardFile;
import jp.mynakiosk.sim.card.CardApplication.KeyFile;
import jp.mynakiosk.sim.card.CardApplication.PinFile;

/** The files of a virtual My Number card, laid out as MYNA-CARD.md describes. */
final class MyNumberCardLayout {
    /** 照合番号A allows more tries than the 4-digit PINs on a real card. */
    static final int NUMBER_A_TRIES = 10;
    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int FACE_FILE_BLOCK = 256;
    /** READ BINARY offsets have 15 bits. */
    private static final int MAX_FACE_FILE = 0x8000;

    private MyNumberCardLayout() {
    }

    static List<CardApplication> applications(VirtualCardFile.MyNumberCard card, CardCredential credential,
            X509Certificate caCertificate, byte[] photo) throws CardFileException {
        return List.of(jpki(card, credential, caCertificate), cardInfo(card, credential),
                cardFace(card, credential, photo));
    }

    private static CardApplication jpki(VirtualCardFile.MyNumberCard card, CardCredential credential,
            X509Certificate caCertificate) throws CardFileException {
        PinCounter pin = new PinCounter(card.pin(), VirtualCardFile.MAX_TRIES, card.triesLeft());
        byte[] token = token(JpkiApplication.MY_NUMBER_CARD_TOKEN);
        Map<Integer, CardFile> files = Map.of(
                JpkiApplication.TOKEN_FID, new BinaryFile(token, null),
                JpkiApplication.AUTH_CERTIFICATE_FID, new BinaryFile(der(card, credential.certificate()), null),
                JpkiApplication.AUTH_CA_CERTIFICATE_FID, new BinaryFile(der(card, caCertificate), null),
                JpkiApplication.AUTH_KEY_FID, new KeyFile(credential.privateKey(), pin),
                JpkiApplication.AUTH_PIN_FID, new PinFile(pin));
        return new CardApplication("JPKI", JpkiApplication.aid(), files);
    }

    private static CardApplication cardInfo(VirtualCardFile.MyNumberCard card, CardCredential credential)
            throws CardFileException {
        PinCounter pin = new PinCounter(card.cardInfoPin(), VirtualCardFile.MAX_TRIES, VirtualCardFile.MAX_TRIES);
        byte[] myNumberFile = new byte[CardInfoApplication.MY_NUMBER_FILE_LENGTH];
        Arrays.fill(myNumberFile, (byte) 0xFF);
        byte[] myNumber = TlvEncoder.single(CardInfoApplication.MY_NUMBER_TAG, card.myNumber());
        System.arraycopy(myNumber, 0, myNumberFile, 0, myNumber.length);

        byte[] name = card.holderName().getBytes(StandardCharsets.UTF_8);
        byte[] address = card.holderAddress().getBytes(StandardCharsets.UTF_8);
        byte[] birth = ascii(CARD_DATE.format(card.birthDate()));
        byte[] sex = ascii(Integer.toString(card.sex().code()));
        byte[] attributes = TlvEncoder.single(CardInfoApplication.ATTRIBUTES_TAG, new TlvEncoder()
                .add(CardInfoApplication.HEADER_TAG, lengthTable(name, address, birth, sex))
                .add(CardInfoApplication.NAME_TAG, name)
                .add(CardInfoApplication.ADDRESS_TAG, address)
                .add(CardInfoApplication.BIRTH_DATE_TAG, birth)
                .add(CardInfoApplication.SEX_TAG, sex)
                .toBytes());
        Map<Integer, CardFile> files = Map.of(
                CardInfoApplication.PIN_FID, new PinFile(pin),
                CardInfoApplication.MY_NUMBER_FID, new BinaryFile(myNumberFile, pin),
                CardInfoApplication.ATTRIBUTES_FID, new BinaryFile(attributes, pin),
                CardInfoApplication.SIGNATURE_FID, new BinaryFile(signatureRecord(card, credential, attributes), pin));
        return new CardApplication("Kenhojo", CardInfoApplication.aid(), files);
    }

    private static CardApplication cardFace(VirtualCardFile.MyNumberCard card, CardCredential credential,
            byte[] photo) throws CardFileException {
        PinCounter numberA = new PinCounter(card.myNumber(), NUMBER_A_TRIES, NUMBER_A_TRIES);
        byte[] birth = ascii(CARD_DATE.format(card.birthDate()));
        byte[] sex = ascii(Integer.toString(card.sex().code()));
        LocalDate expiry = credential.certificate().getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        byte[] expiryText = ascii(CARD_DATE.format(expiry));
        byte[] face;
        try {
            face = TlvEncoder.single(CardFaceApplication.CARD_FACE_TAG, new TlvEncoder()
                    .add(CardFaceApplication.HEADER_TAG, lengthTable(birth, sex, photo, expiryText))
                    .add(CardFaceApplication.BIRTH_DATE_TAG, birth)
                    .add(CardFaceApplication.SEX_TAG, sex)
                    .add(CardFaceApplication.FACE_PHOTO_TAG, photo)
                    .add(CardFaceApplication.EXPIRY_TAG, expiryText)
                    .toBytes());
        } catch (IllegalArgumentException e) {
            throw new CardFileException(card.source() + ": key 'photo': the JPEG 2000 photo (" + photo.length
                    + " bytes) does not fit in the card face file");
        }
        if (face.length > MAX_FACE_FILE) {
            throw new CardFileException(card.source() + ": key 'photo': the card face file would be " + face.length
                    + " bytes with this photo; a card file holds at most " + MAX_FACE_FILE);
        }
        // A real card face file has a fixed size; the unused end is FF.
        byte[] padded = new byte[(face.length + FACE_FILE_BLOCK - 1) / FACE_FILE_BLOCK * FACE_FILE_BLOCK];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(face, 0, padded, 0, face.length);
        Map<Integer, CardFile> files = Map.of(
                CardFaceApplication.NUMBER_A_FID, new PinFile(numberA),
                CardFaceApplication.CARD_FACE_FID, new BinaryFile(padded, numberA));
        return new CardApplication("Kenmen", CardFaceApplication.aid(), files);
    }

    /**
     * The card-info signature record: {@code FF30 { DF31 SHA-256(My Number digits), DF32 SHA-256(attributes
     * TLV as stored), DF33 signature }}. A real card's DF33 is the issuer's signature; the simulator signs
     * DF31 and DF32 with the card's own key (the kiosk checks the hashes only).
     */
    private static byte[] signatureRecord(VirtualCardFile.MyNumberCard card, CardCredential credential,
            byte[] attributes) throws CardFileException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] numberHash = sha256.digest(card.myNumber());
            byte[] attributesHash = sha256.digest(attributes);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(credential.privateKey());
            signer.update(numberHash);
            signer.update(attributesHash);
            return TlvEncoder.single(CardInfoApplication.SIGNATURE_RECORD_TAG, new TlvEncoder()
                    .add(CardInfoApplication.MY_NUMBER_HASH_TAG, numberHash)
                    .add(CardInfoApplication.ATTRIBUTES_HASH_TAG, attributesHash)
                    .add(CardInfoApplication.SIGNATURE_TAG, signer.sign())
                    .toBytes());
        } catch (GeneralSecurityException e) {
            throw new CardFileException(card.source() + ": cannot sign the card-info record of " + card.cardId(), e);
        }
    }

    /** The JPKI token file: the token text padded with spaces. */
    static byte[] token(String text) {
        byte[] token = new byte[JpkiApplication.TOKEN_LENGTH];
        Arrays.fill(token, (byte) ' ');
        byte[] tokenText = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tokenText, 0, token, 0, tokenText.length);
        return token;
    }

    /** The header field: the length of each following field, two bytes each. */
    private static byte[] lengthTable(byte[]... fields) {
        byte[] table = new byte[fields.length * 2];
        for (int i = 0; i < fields.length; i++) {
            table[2 * i] = (byte) (fields[i].length >> 8);
            table[2 * i + 1] = (byte) fields[i].length;
        }
        return table;
    }

    private static byte[] der(VirtualCardFile.MyNumberCard card, X509Certificate certificate)
            throws CardFileException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CardFileException(card.source() + ": cannot encode the certificate for " + card.cardId(), e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
