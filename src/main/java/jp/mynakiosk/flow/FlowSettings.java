package jp.mynakiosk.flow;

/** The parts of the kiosk profile (and its devices) that change what the flow decides. */
public record FlowSettings(int faceAttempts, FacePolicy afterLastFaceFailure, boolean receiptPrinter) {

    /** Settings for a kiosk without a receipt printer. */
    public FlowSettings(int faceAttempts, FacePolicy afterLastFaceFailure) {
        this(faceAttempts, afterLastFaceFailure, false);
    }

    public FlowSettings {
        if (faceAttempts < 1) {
            throw new IllegalArgumentException("faceAttempts must be at least 1, was " + faceAttempts);
        }
        if (afterLastFaceFailure == null) {
            throw new IllegalArgumentException("afterLastFaceFailure is required");
        }
    }
}
