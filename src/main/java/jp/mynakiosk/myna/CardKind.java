package jp.mynakiosk.myna;

/** What the card in the slot turned out to be. */
public enum CardKind {
    /** The JPKI application answers and its token says My Number card. */
    MY_NUMBER_CARD,
    /** No JPKI application, or one whose token is not the My Number card's (a bank card, an old resident card). */
    NOT_MY_NUMBER_CARD
}
