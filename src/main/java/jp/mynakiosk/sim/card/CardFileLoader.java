package jp.mynakiosk.sim.card;

import static jp.mynakiosk.sim.card.VirtualCardFile.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import jp.mynakiosk.myna.MyNumberCheckDigit;
import jp.mynakiosk.myna.Sex;
import jp.mynakiosk.sim.card.VirtualCardFile.ForeignCard;
import jp.mynakiosk.sim.card.VirtualCardFile.ForeignKind;
import jp.mynakiosk.sim.card.VirtualCardFile.MyNumberCard;

/** Reads and checks one card file. */
final class CardFileLoader {
    private static final long MAX_FILE_SIZE = 64 * 1024;
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DIGITS_4 = Pattern.compile("[0-9]{4}");
    private static final Pattern DIGITS_12 = Pattern.compile("[0-9]{12}");
    private static final Set<String> SECRET_KEYS = Set.of(KEY_NAME, KEY_ADDRESS, KEY_MY_NUMBER, KEY_PIN,
            KEY_CARD_INFO_PIN);
    private static final Set<String> FOREIGN_KEYS = Set.of(KEY_CARD_ID, KEY_KIND, KEY_INTERFACE);
    private static final Set<String> MY_NUMBER_KEYS = Set.of(KEY_CARD_ID, KEY_KIND, KEY_NAME, KEY_ADDRESS,
            KEY_BIRTH_DATE, KEY_SEX, KEY_MY_NUMBER, KEY_PIN, KEY_TRIES_LEFT, KEY_CARD_INFO_PIN, KEY_PHOTO,
            KEY_CERTIFICATE, KEY_INTERFACE);

    private final Path file;
    private final Properties properties = new Properties();

    CardFileLoader(Path file) {
        this.file = file;
    }

    VirtualCardFile load() throws CardFileException {
        read();
        String cardId = require(KEY_CARD_ID);
        if (!CARD_ID.matcher(cardId).matches()) {
            throw bad(KEY_CARD_ID, cardId, "letters, digits, '.', '_' or '-' (1 to 64), like SIM-0001");
        }
        String kind = require(KEY_KIND);
        switch (kind) {
            case "unknown", "juki", "smartphone", "mute":
                onlyKeys(FOREIGN_KEYS, kind);
                return new ForeignCard(file, cardId, ForeignKind.valueOf(kind.toUpperCase(Locale.ROOT)),
                        cardInterface());
            case "mynumber":
                onlyKeys(MY_NUMBER_KEYS, kind);
                return myNumberCard(cardId);
            default:
                throw bad(KEY_KIND, kind, "'mynumber', 'unknown', 'juki', 'smartphone' or 'mute'");
        }
    }

    private MyNumberCard myNumberCard(String cardId) throws CardFileException {
        String name = require(KEY_NAME);
        String address = require(KEY_ADDRESS);
        LocalDate birthDate = birthDate();
        Sex sex = sex();
        String myNumber = require(KEY_MY_NUMBER);
        byte[] myNumberDigits = myNumber.getBytes(StandardCharsets.US_ASCII);
        if (!DIGITS_12.matcher(myNumber).matches() || !MyNumberCheckDigit.isValid(myNumberDigits)) {
            throw bad(KEY_MY_NUMBER, myNumber, "12 digits whose last digit is the My Number check digit");
        }
        byte[] pin = fourDigits(KEY_PIN, require(KEY_PIN));
        String cardInfoPinText = properties.getProperty(KEY_CARD_INFO_PIN);
        byte[] cardInfoPin = cardInfoPinText == null ? pin.clone() : fourDigits(KEY_CARD_INFO_PIN,
                cardInfoPinText.strip());
        int triesLeft = triesLeft();
        String photoText = require(KEY_PHOTO);
        Path photo;
        try {
            Path parent = file.toAbsolutePath().getParent();
            photo = parent.resolve(photoText).normalize();
        } catch (InvalidPathException e) {
            throw bad(KEY_PHOTO, photoText, "an image path relative to the card file");
        }
        CertificateState certificate = certificate();
        return new MyNumberCard(file, cardId, name, address, birthDate, sex, myNumberDigits, pin, triesLeft,
                cardInfoPin, photo, certificate, cardInterface());
    }

    private void read() throws CardFileException {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_SIZE) {
                throw new CardFileException(file + ": " + size + " bytes; a card file has at most "
                        + MAX_FILE_SIZE);
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new CardFileException(file + ": cannot be read as a UTF-8 properties file ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private void onlyKeys(Set<String> allowed, String kind) throws CardFileException {
        for (String key : properties.stringPropertyNames()) {
            if (!allowed.contains(key)) {
                throw new CardFileException(file + ": key '" + key + "' is not used by a card of kind '" + kind
                        + "'; expected only " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private String require(String key) throws CardFileException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new CardFileException(file + ": key '" + key + "' is missing or empty");
        }
        return value.strip();
    }

    private LocalDate birthDate() throws CardFileException {
        String text = require(KEY_BIRTH_DATE);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw bad(KEY_BIRTH_DATE, text, "an ISO date like 1956-03-19");
        }
    }

    private Sex sex() throws CardFileException {
        String text = require(KEY_SEX);
        try {
            return Sex.ofCode(Integer.parseInt(text));
        } catch (IllegalArgumentException e) {
            throw bad(KEY_SEX, text, "an ISO 5218 code: 1 (male), 2 (female), 9 (not applicable), 0 (not known)");
        }
    }

    private int triesLeft() throws CardFileException {
        String text = require(KEY_TRIES_LEFT);
        try {
            int tries = Integer.parseInt(text);
            if (tries >= 0 && tries <= MAX_TRIES) {
                return tries;
            }
        } catch (NumberFormatException e) {
            // reported below with the expectation
        }
        throw bad(KEY_TRIES_LEFT, text, "a whole number from 0 (locked) to " + MAX_TRIES);
    }

    private CertificateState certificate() throws CardFileException {
        String text = require(KEY_CERTIFICATE);
        try {
            return CertificateState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(KEY_CERTIFICATE, text, "valid, expired or revoked");
        }
    }

    /** Optional; without it the card is a contact T=1 card, as before the key existed. */
    private CardInterface cardInterface() throws CardFileException {
        String text = properties.getProperty(KEY_INTERFACE);
        if (text == null) {
            return CardInterface.DEFAULT;
        }
        String value = text.strip();
        return CardInterface.ofKey(value).orElseThrow(() -> bad(KEY_INTERFACE, value, CardInterface.keys()
                + " (the default is " + CardInterface.DEFAULT.key() + ")"));
    }

    private byte[] fourDigits(String key, String text) throws CardFileException {
        if (!DIGITS_4.matcher(text).matches()) {
            throw bad(key, text, "exactly 4 digits");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Personal values (even fictional ones) are not echoed; their length is enough to find the mistake. */
    private CardFileException bad(String key, String value, String expected) {
        String shown = SECRET_KEYS.contains(key)
                ? "(hidden, " + value.codePointCount(0, value.length()) + " characters)"
                : "'" + value + "'";
        return new CardFileException(file + ": key '" + key + "' has value " + shown + "; expected " + expected);
    }
}

