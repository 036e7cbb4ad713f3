package jp.mynakiosk.flow;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Everything that can happen to a session: user intents from the screens, device events, and the results
 * of effects. Events carry no personal data except {@link PinSubmitted} (wiped once used) and
 * {@link PinAccepted} (the holder summary the next screen shows).
 */
public sealed interface SessionEvent {

    // User intents

    /** The attract screen was touched. */
    record Touched() implements SessionEvent { }

    record JourneyChosen(Journey journey) implements SessionEvent { }

    record TermsAgreed() implements SessionEvent { }

    record TermsDeclined() implements SessionEvent { }

    /** The four digits from the PIN pad. The controller hands the array to the card and wipes it. */
    record PinSubmitted(char[] digits) implements SessionEvent {
        public void wipe() {
            Arrays.fill(digits, '\0');
        }

        @Override
        public String toString() {
            return "PinSubmitted[redacted]";
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

    record FaceRetry() implements SessionEvent { }

    record HolderConfirmed() implements SessionEvent { }

    record HolderDenied() implements SessionEvent { }

    record ConsentAnswered(ConsentTopic topic, boolean agree) implements SessionEvent { }

    record ConsentsConfirmed() implements SessionEvent { }

    /** "Print a receipt" on the result screen, in the language the screen shows. */
    record ReceiptRequested(java.util.Locale language) implements SessionEvent { }

    /** "Finish" on the result screen. */
    record Finished() implements SessionEvent { }

    /** Cancel, on any screen that has it. */
    record Cancelled() implements SessionEvent { }

    /** "Yes, I am still here" on the idle prompt. */
    record StillHere() implements SessionEvent { }

    // Devices

    record CardInserted() implements SessionEvent { }

    record CardRemoved() implements SessionEvent { }

    /** A device the kiosk cannot work without failed; {@code device} is a technical name, e.g. "card-reader". */
    record DeviceFault(String device) implements SessionEvent { }

    /** The device (or service) that took the kiosk out of service works again. */
    record DevicesRecovered(String device) implements SessionEvent { }

    // Timers

    /** Nobody touched the screen for the configured idle time (or the card was not taken in time). */
    record IdleTimedOut() implements SessionEvent { }

    // Effect results

    record CardIdentified(int triesLeft) implements SessionEvent { }

    record CardPinLocked() implements SessionEvent { }

    /** The card cannot be used: not a My Number card, unreadable, or it answered nonsense. */
    record CardRejected(EndReason reason) implements SessionEvent { }

    /** PIN right; the card's holder data and photo were read. {@code today} lets the flow work out the age. */
    record PinAccepted(HolderSummary holder, LocalDate today) implements SessionEvent { }

    record PinRejected(int triesLeft) implements SessionEvent { }

    record FaceMatched() implements SessionEvent { }

    record FaceNotMatched(FaceNotice notice) implements SessionEvent { }

    /** The eligibility system knows the user: their insurer, and the registration if the card has one (else null). */
    record InsuranceFound(String insurerName, Registration registration) implements SessionEvent { }

    /** The eligibility system could not answer the look-up, or refused it; {@code reason} is never a success. */
    record LookupFailed(LinkResult reason) implements SessionEvent { }

    record LinkFinished(LinkResult result, String insurerName, LocalDate registeredOn) implements SessionEvent { }

    /** The receipt printer printed the receipt, or could not. */
    record ReceiptPrinted(boolean printed) implements SessionEvent { }
}
