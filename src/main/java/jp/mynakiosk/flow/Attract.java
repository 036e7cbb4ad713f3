package jp.mynakiosk.flow;

/** Idle, "touch the screen to start". No personal data exists in this state. */
public record Attract() implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.Touched) {
            return Transition.to(new Menu());
        }
        if (event instanceof SessionEvent.CardInserted) {
            // A card in the slot between sessions (inserted too early, or left behind) is always handed back:
            // the next user must never start with someone else's card.
            return Transition.to(new TakeCard(EndReason.INSERTED_TOO_EARLY, false), new Effect.ReleaseCard());
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
