package jp.mynakiosk.flow;

/** Idle, "touch the screen to start". No personal data exists in this state. */
public record Attract() implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.Touched) {
            return Transition.to(new Menu());
        }
        return Transition.ignore(this);
    }

    @Override
    public boolean holdsCard() {
        return false;
    }

    @Override
    public Waiting waiting() {
        return Waiting.NOTHING;
    }
}
