package jp.mynakiosk.flow;

/** Insert the card in the slot or place it on the reader. */
public record InsertCard(Journey journey) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.CardInserted) {
            return Transition.to(new ReadingCard(journey), new Effect.IdentifyCard());
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
