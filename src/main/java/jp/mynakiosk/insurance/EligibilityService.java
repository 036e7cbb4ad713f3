package jp.mynakiosk.insurance;

/**
 * The eligibility system the kiosk links a card holder's insurance in. The kiosk asks for a challenge, has the
 * card sign a {@link LinkRequest} that carries the challenge's nonce with the user-authentication key, and sends it.
 *
 * <p>Implementations: {@link EmbeddedEligibilityService} (H2, in the kiosk process); a networked client later.
 */
public interface EligibilityService {
    /**
     * A fresh single-use nonce for one link request.
     *
     * @throws EligibilityUnavailableException when the eligibility system cannot be reached or fails
     */
    Challenge issueChallenge();

    /**
     * Checks the signed request and links the card holder's insurance. Sending the same idempotency key again
     * (a retry after a lost answer) returns the first outcome and never registers twice.
     *
     * @throws EligibilityUnavailableException when the eligibility system cannot be reached or fails; nothing was
     *                                         registered and the same request may be retried
     */
    LinkOutcome link(LinkRequest request);
}
