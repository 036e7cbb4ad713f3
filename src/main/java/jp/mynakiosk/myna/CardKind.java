package jp.mynakiosk.myna;

/** What the card in the slot turned out to be; only a My Number card goes on, each other kind has its message. */
public enum CardKind {
    /** The JPKI application's token is {@code JPKIAPICCTOKEN2}. */
    MY_NUMBER_CARD,
    /**
     * An old Basic Resident Register card (住基カード) with a JPKI certificate: token {@code JPKIAPICCTOKEN}.
     * Its certificates were all issued before 2016 and have expired; the holder needs a My Number card.
     */
    JUKI_CARD,
    /**
     * A smartphone's JPKI (スマホ用電子証明書) seen through an NFC reader: token {@code JPKIAPGPSETOKEN}.
     * The kiosk needs the physical card (its card-info and card-face applications are not on the phone).
     */
    SMARTPHONE_JPKI,
    /** An IC card without a JPKI application, or with an unknown token (a bank card, a transport card). */
    UNKNOWN_CARD,
    /** The card did not answer its first command (mute, badly inserted, or a contact problem). */
    UNRESPONSIVE
}
