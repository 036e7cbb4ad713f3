package jp.mynakiosk.insurance;

/**
 * The eligibility system could not answer (unreachable, database failure, no current revocation list). Not a
 * domain outcome: the kiosk retries and then shows "unavailable". The message is technical and holds no personal
 * data.
 */
public final class EligibilityUnavailableException extends RuntimeException {
    private final boolean mayHaveBeenDone;

    public EligibilityUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public EligibilityUnavailableException(String message) {
        this(message, null, false);
    }

    /**
     * @param mayHaveBeenDone a request reached the service and its answer was lost (a timeout or a dropped
     *                        connection after sending): the service may have done what was asked
     */
    public EligibilityUnavailableException(String message, Throwable cause, boolean mayHaveBeenDone) {
        super(message, cause);
        this.mayHaveBeenDone = mayHaveBeenDone;
    }

    /**
     * True when the request may have been carried out although no answer came, so "not done" must not be said;
     * false when it surely was not (never delivered, or refused by a service that rolled back).
     */
    public boolean mayHaveBeenDone() {
        return mayHaveBeenDone;
    }
}
