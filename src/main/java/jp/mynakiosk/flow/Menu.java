package jp.mynakiosk.flow;

/** What would you like to do? */
public record Menu() implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.JourneyChosen chosen) {
            return Transition.to(new Terms(chosen.journey()));
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
