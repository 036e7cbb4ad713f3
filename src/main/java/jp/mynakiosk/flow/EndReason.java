package jp.mynakiosk.flow;

/** Why a session ends on the "take your card" screen; each has its own words and next step. */
public enum EndReason {
    FINISHED,
    CANCELLED,
    TIMED_OUT,
    NOT_MY_NUMBER_CARD,
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
    SERVICE_UNAVAILABLE
}
