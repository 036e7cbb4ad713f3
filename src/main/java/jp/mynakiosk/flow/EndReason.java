package jp.mynakiosk.flow;

/** Why a session ends on the "take your card" screen; each has its own words and next step. */
public enum EndReason {
    FINISHED,
    CANCELLED,
    /** A card was in the slot before the kiosk asked for one (or was left there): take it, start again. */
    INSERTED_TOO_EARLY,
    TIMED_OUT,
    NOT_MY_NUMBER_CARD,
    /** An old Basic Resident Register (Juki) card: replaced by the My Number card. */
    JUKI_CARD,
    /** A smartphone with the My Number card function held to the reader: the card itself is needed. */
    SMARTPHONE_JPKI,
    /** The card does not answer at all (or is inserted the wrong way round). */
    CARD_UNRESPONSIVE,
    /** The card's data does not match its own signature record: possibly altered; never used. */
    CARD_DATA_TAMPERED,
    CARD_UNREADABLE,
    PIN_LOCKED,
    CARD_INFO_PIN_DIFFERS,
    FACE_NOT_MATCHED,
    FACE_ATTENDANT_CALLED,
    NOT_THE_HOLDER,
    /** Changing consents needs a registered card. */
    NOT_REGISTERED,
    NO_ELIGIBILITY_DATA,
    RECORDS_DO_NOT_MATCH,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_REVOKED,
    REQUEST_REJECTED,
    SERVICE_UNAVAILABLE,
    /**
     * The request reached the eligibility system but its answer was lost: it may have been carried out. The user is
     * sent to "check registration" later rather than told it failed.
     */
    RESULT_UNCONFIRMED
}
