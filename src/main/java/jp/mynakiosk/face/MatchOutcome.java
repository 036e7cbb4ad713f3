package jp.mynakiosk.face;

/** What comparing the card photo with a camera frame found. */
public enum MatchOutcome {
    /** One good face, similar enough to the card photo, and (in a {@link FaceCheck}) seen to move naturally. */
    MATCH,
    /** One good face, and it is not similar enough. */
    NO_MATCH,
    /**
     * Similar enough, but not yet shown to be alive: no natural motion seen across frames (it may be a photo held
     * up to the camera), or the head-turn challenge not yet answered ({@link MatchResult#guidance()} says what to do).
     */
    NOT_LIVE_YET,
    /** Nobody in front of the camera (or the face is turned away or too far). */
    NO_FACE_IN_FRAME,
    /** More than one face: only the card holder may be in view. */
    SEVERAL_FACES,
    /** One face, but the frame is not good enough to compare; {@link MatchResult#guidance()} says why. */
    POOR_FRAME,
    /**
     * The head-turn challenge asked as many times as it may and the turns were not made: nothing in this try can
     * pass any more.
     */
    TURNS_NOT_MADE,
    /** The card photo decodes but no face is found in it. */
    NO_FACE_ON_CARD,
    /** The card photo bytes cannot be decoded. */
    UNREADABLE_PHOTO
}
