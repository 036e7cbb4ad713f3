package jp.mynakiosk.flow;

/** The information-sharing consents: one yes/no per topic, then "Register". */
public record Consents(ConsentChoices choices) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.ConsentAnswered answered) {
            return Transition.to(new Consents(choices.answer(answered.topic(), answered.agree())));
        }
        if (event instanceof SessionEvent.ConsentsConfirmed && choices.complete()) {
            return Transition.to(new Linking(), new Effect.Link(choices));
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
        return true;
    }

    @Override
    public Waiting waiting() {
        return Waiting.USER;
    }
}
