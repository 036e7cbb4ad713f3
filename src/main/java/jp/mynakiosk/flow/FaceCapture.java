package jp.mynakiosk.flow;

/**
 * The face check against the card photo. While {@code checking}, the camera is being read and compared;
 * otherwise the screen shows why the last check failed and offers to try again.
 */
public record FaceCapture(Journey journey, HolderSummary holder, boolean checkupsOffered, int failures, FaceNotice notice,
                          boolean checking) implements SessionState {

    static FaceCapture first(Journey journey, HolderSummary holder, boolean checkupsOffered) {
        return new FaceCapture(journey, holder, checkupsOffered, 0, FaceNotice.NONE, true);
    }

    @Override
    public Transition on(SessionEvent event, FlowSettings settings) {
        if (checking && event instanceof SessionEvent.FaceMatched) {
            return Transition.to(new ConfirmHolder(journey, holder, checkupsOffered));
        }
        if (checking && event instanceof SessionEvent.FaceNotMatched notMatched) {
            return failed(notMatched.notice(), settings);
        }
        if (!checking && event instanceof SessionEvent.FaceRetry) {
            return Transition.to(new FaceCapture(journey, holder, checkupsOffered, failures, FaceNotice.NONE, true),
                    new Effect.MatchFace());
        }
        if (!checking && event instanceof SessionEvent.IdleTimedOut) {
            return Transition.to(new StillThere(this));
        }
        if (event instanceof SessionEvent.Cancelled) {
            return end(EndReason.CANCELLED);
        }
        return Transition.ignore(this);
    }

    private Transition failed(FaceNotice why, FlowSettings settings) {
        int failed = failures + 1;
        if (failed < settings.faceAttempts()) {
            return Transition.to(new FaceCapture(journey, holder, checkupsOffered, failed, why, false));
        }
        switch (settings.afterLastFaceFailure()) {
            case PIN_ONLY:
                return Transition.to(new ConfirmHolder(journey, holder, checkupsOffered));
            case CALL_ATTENDANT:
                return Transition.to(new TakeCard(EndReason.FACE_ATTENDANT_CALLED, false),
                        new Effect.ReleaseCard(), new Effect.CallAttendant("face-not-matched"));
            default:
                return end(EndReason.FACE_NOT_MATCHED);
        }
    }

    public int attemptsLeft(FlowSettings settings) {
        return settings.faceAttempts() - failures;
    }

    @Override
    public boolean holdsCard() {
        return true;
    }

    @Override
    public Waiting waiting() {
        return checking ? Waiting.NOTHING : Waiting.USER;
    }
}
