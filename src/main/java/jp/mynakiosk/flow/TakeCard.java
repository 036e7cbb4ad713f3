package jp.mynakiosk.flow;

/**
 * "Please take your card", with why the session ended and what to do next. If the card is not taken in
 * time the kiosk escalates: a louder reminder and an attendant alert.
 */
public record TakeCard(EndReason reason, boolean escalated) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.IdleTimedOut && !escalated) {
            return Transition.to(new TakeCard(reason, true), new Effect.CallAttendant("card-not-taken"));
        }
        return Transition.ignore(this);
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return escalated ? Waiting.NOTHING : Waiting.CARD_TAKEN;
    }
}
