package jp.mynakiosk.insurance;

/**
 * The eligibility system could not answer (unreachable, database failure, no current revocation list). Not a
 * domain outcome: the kiosk retries and then shows "unavailable". The message is technical and holds no personal
 * data.
 */
public final class EligibilityUnavailableException extends RuntimeException {
    public EligibilityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public EligibilityUnavailableException(String message) {
        super(message);
    }
}
