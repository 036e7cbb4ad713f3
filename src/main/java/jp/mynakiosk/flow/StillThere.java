package jp.mynakiosk.flow;

/** "Are you still there?" over the screen the user left; answering goes back to it. */
public record StillThere(SessionState interrupted) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.StillHere) {
            return Transition.to(interrupted);
        }
        if (event instanceof SessionEvent.IdleTimedOut) {
            return end(EndReason.TIMED_OUT);
        }
        if (event instanceof SessionEvent.Cancelled) {
            return end(EndReason.CANCELLED);
        }
        return Transition.ignore(this);
    }

    @Override
    public boolean holdsCard() {
        return interrupted.holdsCard();
    }

    @Override
    public Waiting waiting() {
        return Waiting.PROMPT;
    }
}
