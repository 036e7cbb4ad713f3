package jp.mynakiosk.sim.card;

/** A virtual card file (or what it points to) is unusable; the message names the file, key and expectation. */
public final class CardFileException extends Exception {
    public CardFileException(String message) {
        super(message);
    }

    public CardFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
