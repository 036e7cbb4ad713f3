package jp.mynakiosk.flow;

import java.time.LocalDate;

/** The card is linked (now, or it already was on {@code registeredOn}), or its consents were saved. */
public record Done(LinkResult result, String insurerName, LocalDate registeredOn) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.Finished || event instanceof SessionEvent.IdleTimedOut
                || event instanceof SessionEvent.Cancelled) {
            return end(EndReason.FINISHED);
        }
        return Transition.ignore(this);
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
