package jp.mynakiosk.insurance;

/**
 * The eligibility system. For each journey the kiosk asks for a {@link Challenge}, has the card sign a request that
 * carries the challenge's nonce with its user-authentication key, and sends it. The service checks the nonce, the
 * signature, the certificate chain to the JPKI CA, its validity and the revocation list, and finds the insured
 * person by the certificate.
 *
 * <p>Implementations: {@link EmbeddedEligibilityService} (in the kiosk process on H2, or behind the fleet server on
 * PostgreSQL) and {@code insurance.http.RemoteEligibilityService} (the kiosk's client of the fleet server).
 *
 * <p>Every method throws {@link EligibilityUnavailableException} when the eligibility system cannot be reached or
 * fails; then nothing was changed, and the same request (same nonce, key and signature) may be sent again.
 */
public interface EligibilityService {
    /** A fresh single-use nonce for one signed request; valid for five minutes. */
    Challenge issueChallenge();

    /**
     * Checks the signed request and links the card holder's insurance (registration and consents in one
     * transaction). Sending the same idempotency key again (a retry after a lost answer) returns the first outcome
     * and never registers twice.
     */
    LinkOutcome link(LinkRequest request);

    /**
     * Whether the card is registered for insurance use, since when, with which insurer and with which consents.
     * Changes nothing but the nonce; the same signed query sent again while the nonce is valid is answered again.
     */
    RegistrationStatus checkRegistration(RegistrationQuery query);

    /**
     * Replaces a registered card's consents. Sending the same idempotency key again returns the first outcome and
     * changes nothing more.
     */
    ConsentChangeOutcome changeConsents(ConsentChange change);
}
