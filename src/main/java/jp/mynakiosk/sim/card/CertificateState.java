package jp.mynakiosk.sim.card;

/** What the simulator's CA does with a card's user-authentication certificate. */
public enum CertificateState {
    /** Valid now, not revoked. */
    VALID,
    /** Its validity ended in the past (the holder's renewal date passed). */
    EXPIRED,
    /** Valid dates, but listed on the CA's revocation list. */
    REVOKED
}
