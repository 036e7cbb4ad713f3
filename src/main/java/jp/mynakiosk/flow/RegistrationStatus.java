package jp.mynakiosk.flow;

/**
 * The answer to "is my card registered?": the insurer, and since when with which consents, or that it is
 * not registered yet ({@code registration} is null).
 */
public record RegistrationStatus(String insurerName, Registration registration) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.Finished || event instanceof SessionEvent.IdleTimedOut
                || event instanceof SessionEvent.Cancelled) {
            return end(EndReason.FINISHED);
        }
        return Transition.ignore(this);
    }

    public boolean registered() {
        return registration != null;
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return Waiting.USER;
    }
}
