package jp.mynakiosk.sim.card;

import java.security.MessageDigest;
import jp.mynakiosk.myna.StatusWord;

/** One PIN of the virtual card: its reference digits, its retry counter and whether it is verified now. */
final class PinCounter {
    private final byte[] reference;
    private final int maxTries;
    private int triesLeft;
    private boolean verified;

    PinCounter(byte[] reference, int maxTries, int triesLeft) {
        if (triesLeft < 0 || triesLeft > maxTries || maxTries > 15) {
            throw new IllegalArgumentException("tries " + triesLeft + " of " + maxTries);
        }
        this.reference = reference.clone();
        this.maxTries = maxTries;
        this.triesLeft = triesLeft;
    }

    /** VERIFY without data: 63 Cx even when verified (as a real card does); 63 C0 when locked. */
    StatusWord status() {
        return StatusWord.triesLeft(triesLeft);
    }

    /** VERIFY with data: a right PIN resets the counter, a wrong one costs a try, a locked PIN answers 69 83. */
    StatusWord verify(byte[] attempt) {
        if (triesLeft == 0) {
            verified = false;
            return StatusWord.AUTHENTICATION_BLOCKED;
        }
        if (MessageDigest.isEqual(reference, attempt)) {
            triesLeft = maxTries;
            verified = true;
            return StatusWord.SUCCESS;
        }
        triesLeft--;
        verified = false;
        return StatusWord.triesLeft(triesLeft);
    }

    boolean verified() {
        return verified;
    }

    void forget() {
        verified = false;
    }

    int triesLeft() {
        return triesLeft;
    }
}
