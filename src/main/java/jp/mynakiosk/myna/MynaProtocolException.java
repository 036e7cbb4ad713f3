package jp.mynakiosk.myna;

/**
 * The card answered something the protocol does not allow (malformed data, an unexpected status word).
 * The message is technical and never holds personal data.
 */
public final class MynaProtocolException extends Exception {
    public MynaProtocolException(String message) {
        super(message);
    }

    public MynaProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
