package jp.mynakiosk.flow;

/** The eligibility system's answer to a linking request, as the flow needs it. */
public enum LinkResult {
    REGISTERED,
    ALREADY_REGISTERED,
    /** The consents of a registered card were changed. */
    CONSENTS_CHANGED,
    /** The card is not registered, so there is nothing to change. */
    NOT_REGISTERED,
    NO_ELIGIBILITY_DATA,
    RECORDS_DO_NOT_MATCH,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_REVOKED,
    REJECTED,
    UNREACHABLE,
    /** No answer came, but a request got through: the registration or consent change may have been made. */
    UNCONFIRMED;

    public EndReason failureReason() {
        switch (this) {
            case NO_ELIGIBILITY_DATA: return EndReason.NO_ELIGIBILITY_DATA;
            case RECORDS_DO_NOT_MATCH: return EndReason.RECORDS_DO_NOT_MATCH;
            case CERTIFICATE_EXPIRED: return EndReason.CERTIFICATE_EXPIRED;
            case CERTIFICATE_REVOKED: return EndReason.CERTIFICATE_REVOKED;
            case UNREACHABLE: return EndReason.SERVICE_UNAVAILABLE;
            case UNCONFIRMED: return EndReason.RESULT_UNCONFIRMED;
            case NOT_REGISTERED: return EndReason.NOT_REGISTERED;
            case REJECTED: return EndReason.REQUEST_REJECTED;
            default: throw new IllegalStateException(this + " is not a failure");
        }
    }

    /** The request did what the user asked for: the card is (now) registered, or the consents were saved. */
    public boolean succeeded() {
        return this == REGISTERED || this == ALREADY_REGISTERED || this == CONSENTS_CHANGED;
    }
}
