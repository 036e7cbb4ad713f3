package jp.mynakiosk.flow;

/** The eligibility system's answer to a linking request, as the flow needs it. */
public enum LinkResult {
    REGISTERED,
    ALREADY_REGISTERED,
    NO_ELIGIBILITY_DATA,
    RECORDS_DO_NOT_MATCH,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_REVOKED,
    REJECTED,
    UNREACHABLE;

    public EndReason failureReason() {
        switch (this) {
            case NO_ELIGIBILITY_DATA: return EndReason.NO_ELIGIBILITY_DATA;
            case RECORDS_DO_NOT_MATCH: return EndReason.RECORDS_DO_NOT_MATCH;
            case CERTIFICATE_EXPIRED: return EndReason.CERTIFICATE_EXPIRED;
            case CERTIFICATE_REVOKED: return EndReason.CERTIFICATE_REVOKED;
            case UNREACHABLE: return EndReason.SERVICE_UNAVAILABLE;
            case REJECTED: return EndReason.REQUEST_REJECTED;
            default: throw new IllegalStateException(this + " is not a failure");
        }
    }

    public boolean linked() {
        return this == REGISTERED || this == ALREADY_REGISTERED;
    }
}
