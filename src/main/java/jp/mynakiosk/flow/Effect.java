package jp.mynakiosk.flow;

import java.util.Arrays;

/** Work the flow asks for; the controller's effect runner does it against devices and services. */
public sealed interface Effect {

    /** Select the card's applications, check it is a My Number card, read how many PIN tries are left. */
    record IdentifyCard() implements Effect { }

    /** Verify the PIN and read what the journey needs from the card. The runner wipes the digits. */
    record VerifyPin(char[] digits) implements Effect {
        public void wipe() {
            Arrays.fill(digits, '\0');
        }

        @Override
        public String toString() {
            return "VerifyPin[redacted]";
        }

        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Grab camera frames and compare the face with the card photo. */
    record MatchFace() implements Effect { }

    /** Ask the eligibility system (signed by the card) for the insurer and the card's registration. */
    record LookUpInsurance() implements Effect { }

    /** Send the signed linking request with the user's consents. */
    record Link(ConsentChoices consents) implements Effect { }

    /** Send the signed request that replaces a registered card's consents. */
    record ChangeConsents(ConsentChoices consents) implements Effect { }

    /** Print a receipt of the result, in the language on screen. Nothing on it identifies the user. */
    record PrintReceipt(java.util.Locale language, LinkResult result, String insurerName,
                        java.time.LocalDate registeredOn, ConsentChoices consents) implements Effect { }

    /** Stop talking to the card and hand it back (a motorised reader ejects it). */
    record ReleaseCard() implements Effect { }

    /** Drop every piece of the session's personal data: holder, photo, certificate, frames. */
    record ClearSession() implements Effect { }

    /** Alert a store attendant (sound and attendant panel); {@code why} is a journal code. */
    record CallAttendant(String why) implements Effect { }
}
