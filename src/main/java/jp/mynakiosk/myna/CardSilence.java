package jp.mynakiosk.myna;

import javax.smartcardio.CardException;

/** Tells a card that does not answer from other card failures, by the PC/SC codes in the exceptions. */
public final class CardSilence {
    private static final String[] UNRESPONSIVE_CODES = {"SCARD_W_UNRESPONSIVE_CARD", "SCARD_W_UNPOWERED_CARD",
        "SCARD_E_NOT_TRANSACTED", "SCARD_E_TIMEOUT", "SCARD_E_COMM_DATA_LOST", "SCARD_F_COMM_ERROR",
        "SCARD_E_PROTO_MISMATCH", "SCARD_W_UNSUPPORTED_CARD"};

    private CardSilence() {
    }

    /**
     * True when the failure says the card is there but does not answer (as opposed to removed, or the
     * reader gone). Also for a failed connect(), so the caller can give the same message.
     */
    public static boolean isUnresponsive(CardException failure) {
        if (failure instanceof CardSilentException) {
            return true;
        }
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String text = String.valueOf(e.getMessage());
            for (String code : UNRESPONSIVE_CODES) {
                if (text.contains(code)) {
                    return true;
                }
            }
        }
        return false;
    }
}
