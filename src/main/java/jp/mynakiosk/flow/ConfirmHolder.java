package jp.mynakiosk.flow;

/** "Is this you?" with the name and birth date read from the card; yes looks the insurance up. */
public record ConfirmHolder(Journey journey, HolderSummary holder, boolean checkupsOffered) implements SessionState {
    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.HolderConfirmed) {
            return Transition.to(new LookingUp(journey, checkupsOffered), new Effect.LookUpInsurance());
        }
        if (event instanceof SessionEvent.HolderDenied) {
            return end(EndReason.NOT_THE_HOLDER);
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
