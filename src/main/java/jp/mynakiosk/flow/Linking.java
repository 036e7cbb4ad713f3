package jp.mynakiosk.flow;

/**
 * A signed request (link the card, or change the consents) is with the eligibility system. Not cancellable:
 * the answer decides what to say.
 */
public record Linking(Journey journey, ConsentChoices consents) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.LinkFinished finished) {
            if (finished.result().succeeded()) {
                return Transition.to(Done.of(finished.result(), finished.insurerName(), finished.registeredOn(),
                        consents, settings));
            }
            return end(finished.result().failureReason());
        }
        if (event instanceof SessionEvent.CardRejected rejected) {
            return end(rejected.reason());
        }
        return Transition.ignore(this);
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return Waiting.NOTHING;
    }
}
