package jp.mynakiosk.myna;

import javax.smartcardio.CardException;

/**
 * The card gave no answer to a command: fewer than the two status bytes every answer ends with (the JDK
 * refuses to build a response from them). A transport failure, so a {@link CardException}.
 */
public final class CardSilentException extends CardException {
    private static final long serialVersionUID = 1L;

    public CardSilentException(String message, Throwable cause) {
        super(message, cause);
    }

    public CardSilentException(String message) {
        super(message);
    }
}
