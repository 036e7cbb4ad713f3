package jp.mynakiosk.sim.card;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.mynakiosk.myna.Sex;

/**
 * One virtual card as described by a {@code hardware-sim/cards/*.properties} file (UTF-8). The format is
 * documented in the comment header of every card file. Either a My Number card or a foreign IC card.
 */
public sealed interface VirtualCardFile permits VirtualCardFile.MyNumberCard, VirtualCardFile.ForeignCard {
    String KEY_CARD_ID = "card.id";
    String KEY_KIND = "kind";
    String KEY_NAME = "holder.name";
    String KEY_ADDRESS = "holder.address";
    String KEY_BIRTH_DATE = "holder.birthDate";
    String KEY_SEX = "holder.sex";
    String KEY_MY_NUMBER = "myNumber";
    String KEY_PIN = "pin";
    String KEY_TRIES_LEFT = "pin.triesLeft";
    String KEY_CARD_INFO_PIN = "cardInfo.pin";
    String KEY_PHOTO = "photo";
    String KEY_CERTIFICATE = "certificate";
    /** Optional: contact-t1 (default), contact-t0 or contactless; see {@link CardInterface}. */
    String KEY_INTERFACE = "interface";
    /** The user-authentication PIN allows 3 tries. */
    int MAX_TRIES = 3;

    /** The file this card came from. */
    Path source();

    /** Stable id: the CN of the simulator's user-authentication certificate. */
    String cardId();

    /** How the card presents itself to the reader. */
    CardInterface cardInterface();

    /** A My Number card. PIN and My Number are fictional test data, still kept as bytes and never printed. */
    record MyNumberCard(Path source, String cardId, String holderName, String holderAddress, LocalDate birthDate,
            Sex sex, byte[] myNumber, byte[] pin, int triesLeft, byte[] cardInfoPin, Path photo,
            CertificateState certificate, CardInterface cardInterface) implements VirtualCardFile {
        @Override
        public byte[] myNumber() {
            return myNumber.clone();
        }

        @Override
        public byte[] pin() {
            return pin.clone();
        }

        @Override
        public byte[] cardInfoPin() {
            return cardInfoPin.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MyNumberCard that && source.equals(that.source) && cardId.equals(that.cardId);
        }

        @Override
        public int hashCode() {
            return source.hashCode() * 31 + cardId.hashCode();
        }

        @Override
        public String toString() {
            return "MyNumberCard[" + cardId + " from " + source.getFileName() + ", certificate " + certificate + ", "
                    + cardInterface.key() + "]";
        }
    }

    /** An IC card that is not a My Number card; {@code kind} says how it answers. */
    record ForeignCard(Path source, String cardId, ForeignKind kind, CardInterface cardInterface)
            implements VirtualCardFile {
    }

    /** The cards a kiosk must turn away, each with its own message. */
    enum ForeignKind {
        /** {@code kind=unknown}: answers 6A 82 to every SELECT (a bank or transport card). */
        UNKNOWN,
        /** {@code kind=juki}: an old Basic Resident Register card; JPKI token {@code JPKIAPICCTOKEN}. */
        JUKI,
        /** {@code kind=smartphone}: a phone's JPKI applet over NFC; token {@code JPKIAPGPSETOKEN}. */
        SMARTPHONE,
        /** {@code kind=mute}: gives no usable answer to the reset (no ATR): the reader cannot talk to it. */
        MUTE
    }

    /** Loads every {@code *.properties} file of a folder, sorted by file name. */
    static List<VirtualCardFile> loadAll(Path folder) throws CardFileException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.properties")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new CardFileException("cannot list card files in " + folder + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        List<VirtualCardFile> cards = new ArrayList<>();
        for (Path file : files) {
            cards.add(load(file));
        }
        return cards;
    }

    static VirtualCardFile load(Path file) throws CardFileException {
        return new CardFileLoader(file).load();
    }
}
