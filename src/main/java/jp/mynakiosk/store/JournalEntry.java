package jp.mynakiosk.store;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the kiosk journal: what happened, when, how long it took, and with which technical outcome.
 *
 * <p>The journal explains any session without identifying the user, so every text field is a technical token
 * (ASCII letters, digits and {@code _ . : / = + -}), never free text: a name, PIN, My Number, address or
 * photo cannot be written, by construction.
 *
 * @param at        when the event happened
 * @param sessionId the kiosk-generated random session id, or {@code null} for events outside a session
 *                  (device faults, attendant actions)
 * @param kind      the event kind, e.g. {@code card.inserted}, {@code link.outcome}, {@code device.fault}
 * @param code      the outcome or fault code, e.g. {@code REGISTERED}, {@code SW6A82}, {@code CARD_READER:HARDWARE_ERROR}
 * @param millis    how long the step took, in milliseconds (0 when not timed)
 */
public record JournalEntry(Instant at, String sessionId, String kind, String code, long millis) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.:/=+-]+");
    static final int MAX_SESSION_ID = 64;
    static final int MAX_KIND = 64;
    static final int MAX_CODE = 128;

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        if (sessionId != null) {
            requireToken("sessionId", sessionId, MAX_SESSION_ID);
        }
        requireToken("kind", kind, MAX_KIND);
        requireToken("code", code, MAX_CODE);
        if (millis < 0) {
            throw new IllegalArgumentException("millis must be >= 0, was " + millis);
        }
    }

    private static void requireToken(String field, String value, int maxLength) {
        Objects.requireNonNull(value, field);
        // The value itself is never echoed: a caller's mistake could be personal data.
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be a technical token of ASCII letters, digits and _.:/=+-");
        }
    }
}
