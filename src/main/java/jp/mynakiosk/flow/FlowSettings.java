package jp.mynakiosk.flow;

/** The parts of the kiosk profile that change what the flow decides. */
public record FlowSettings(int faceAttempts, FacePolicy afterLastFaceFailure) {

    public FlowSettings {
        if (faceAttempts < 1) {
            throw new IllegalArgumentException("faceAttempts must be at least 1, was " + faceAttempts);
        }
        if (afterLastFaceFailure == null) {
            throw new IllegalArgumentException("afterLastFaceFailure is required");
        }
    }
}
