package jp.mynakiosk.flow;

/** What would you like to do? */
public record Menu() implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.JourneyChosen chosen) {
            return Transition.to(new Terms(chosen.journey()));
        }
        if (event instanceof SessionEvent.Cancelled) {
            return end(EndReason.CANCELLED);
        }
        if (event instanceof SessionEvent.IdleTimedOut) {
            return Transition.to(new StillThere(this));
        }
        return Transition.ignore(this);
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
