package jp.mynakiosk.flow;

/** The card is checking the PIN and, if it is right, the holder's data and photo are read. */
public record VerifyingPin(Journey journey, int triesLeftBefore) implements SessionState {

    /** Health check-up information is only offered to people aged 40 to 74. */
    static boolean checkupsOffered(HolderSummary holder, java.time.LocalDate today) {
        int age = holder.ageOn(today);
        return age >= 40 && age <= 74;
    }

    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (event instanceof SessionEvent.PinAccepted accepted) {
            boolean checkups = checkupsOffered(accepted.holder(), accepted.today());
            return Transition.to(FaceCapture.first(journey, accepted.holder(), checkups), new Effect.MatchFace());
        }
        if (event instanceof SessionEvent.PinRejected rejected) {
            return Transition.to(new EnterPin(journey, rejected.triesLeft(), true));
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
