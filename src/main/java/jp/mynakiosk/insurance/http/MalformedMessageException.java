package jp.mynakiosk.insurance.http;

/** A wire message that does not follow {@link WireFormat}; the message says which field and what was expected. */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
