package jp.mynakiosk.flow;

/**
 * The information-sharing consents: one yes/no per topic, then "Register" (or "Save" when changing them).
 * Shows which insurer the card is linked to, so the user sees it before confirming.
 */
public record Consents(Journey journey, String insurerName, ConsentChoices choices) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.ConsentAnswered answered) {
            return Transition.to(new Consents(journey, insurerName, choices.answer(answered.topic(), answered.agree())));
        }
        if (event instanceof SessionEvent.ConsentsConfirmed && choices.complete()) {
            Effect send = journey == Journey.CHANGE_CONSENTS
                    ? new Effect.ChangeConsents(choices) : new Effect.Link(choices);
            return Transition.to(new Linking(journey, choices), send);
        }
        return whileWaitingForUser(event);
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
