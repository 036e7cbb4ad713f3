package jp.mynakiosk.flow;

/**
 * One screen of the journey, as an immutable snapshot. Each state answers the events it handles; ignoring
 * one is an explicit {@link Transition#ignore}. Events that mean the same in every state (card removed,
 * device fault) are answered once, by {@link SessionMachine}.
 */
public sealed interface SessionState
        permits Attract, Menu, Terms, InsertCard, ReadingCard, EnterPin, VerifyingPin, FaceCapture,
                ConfirmHolder, LookingUp, RegistrationStatus, Consents, Linking, Done, TakeCard, StillThere,
                OutOfService {

    Transition on(SessionEvent event, FlowSettings settings);

    /** Whether a card is in the reader in this state, so that pulling it aborts the session. */
    boolean holdsCard();

    Waiting waiting();

    /**
     * What every screen that waits for the user answers besides its own events: Cancel ends the session, idling
     * asks "are you still there?", anything else is ignored.
     */
    default Transition whileWaitingForUser(SessionEvent event) {
        if (event instanceof SessionEvent.Cancelled) {
            return end(EndReason.CANCELLED);
        }
        if (event instanceof SessionEvent.IdleTimedOut) {
            return Transition.to(new StillThere(this));
        }
        return Transition.ignore(this);
    }

    /** Where Cancel, a timeout or a failure leads: back to the start, or "take your card" first. */
    default Transition end(EndReason reason) {
        if (holdsCard()) {
            return Transition.to(new TakeCard(reason, false), new Effect.ReleaseCard());
        }
        return Transition.to(new Attract(), new Effect.ClearSession());
    }
}
