package jp.mynakiosk.flow;

/** Reading the card: is it a My Number card, how many PIN tries are left. */
public record ReadingCard(Journey journey) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.CardIdentified identified) {
            return Transition.to(new EnterPin(journey, identified.triesLeft(), false));
        }
        if (event instanceof SessionEvent.CardPinLocked) {
            return end(EndReason.PIN_LOCKED);
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
