package jp.mynakiosk.receipt;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a kiosk receipt says: when, which kiosk, which journey and its outcome, and the consents in force. It
 * holds nothing that identifies the person (no name, My Number, address, birth date or card id); the texts come
 * from the kiosk's message bundles and are refused if they look like a My Number.
 *
 * @param issuedAt the time at the kiosk (Asia/Tokyo)
 * @param kioskId  the kiosk's configured id
 * @param journey  the journey's title as shown on screen, e.g. "保険証利用登録"
 * @param outcome  the outcome as shown on screen, e.g. "登録しました"
 * @param consents the consents, when the journey ended with a registration that has them
 */
public record Receipt(ZonedDateTime issuedAt, String kioskId, String journey, String outcome,
                      Optional<ReceiptConsents> consents) {
    public static final int MAX_TEXT_LENGTH = 80;
    /** Twelve digits in a row (spaces and hyphens between them allowed) look like a My Number. */
    private static final Pattern TWELVE_DIGITS = Pattern.compile("(\\d[ -]?){11}\\d");

    public Receipt {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(consents, "consents");
        checked("kioskId", kioskId);
        checked("journey", journey);
        checked("outcome", outcome);
    }

    private static void checked(String field, String text) {
        Objects.requireNonNull(text, field);
        if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(field + " must be 1 to " + MAX_TEXT_LENGTH + " characters");
        }
        if (TWELVE_DIGITS.matcher(text).find()) {
            throw new IllegalArgumentException(field + " looks like it holds a My Number; a receipt never does");
        }
    }
}
