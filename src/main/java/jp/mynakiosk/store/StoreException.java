package jp.mynakiosk.store;

/** An unexpected database failure while reading stored data; the message is technical and holds no personal data. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
