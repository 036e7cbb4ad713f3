package jp.mynakiosk.flow;

/** The terms of use: agree to go on, decline to go back to the start. */
public record Terms(Journey journey) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.TermsAgreed) {
            return Transition.to(new InsertCard(journey));
        }
        if (event instanceof SessionEvent.TermsDeclined) {
            return end(EndReason.CANCELLED);
        }
        return whileWaitingForUser(event);
    }

    @Override
    public boolean holdsCard() {
        return false;
    }

    @Override
    public Waiting waiting() {
        return Waiting.USER;
    }
}
