package jp.mynakiosk.face;

/** How a face step tells the card holder in person from a picture or a recording of them. */
public enum LivenessMode {
    /** The matching face must move in a way no flat picture can ({@link LivenessTracker}). */
    MOTION,
    /**
     * The matching face must also turn its head to randomly chosen sides when asked ({@link HeadTurnChallenge}),
     * which a replayed video does not do on cue.
     */
    CHALLENGE
}
