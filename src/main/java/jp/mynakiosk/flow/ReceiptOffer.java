package jp.mynakiosk.flow;

/** Where the optional receipt is on the result screen. */
public enum ReceiptOffer {
    /** This kiosk has no receipt printer. */
    NONE,
    /** The user may ask for one. */
    OFFERED,
    PRINTING,
    PRINTED,
    /** The printer could not print it; the result on screen stands. */
    FAILED
}
