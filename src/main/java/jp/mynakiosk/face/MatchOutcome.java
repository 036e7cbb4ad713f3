package jp.mynakiosk.face;

/** What comparing the card photo with a camera frame found. */
public enum MatchOutcome {
    /** One face in the frame, and it is similar enough to the card photo. */
    MATCH,
    /** One face in the frame, and it is not similar enough. */
    NO_MATCH,
    /** Nobody in front of the camera (or the face is turned away, covered or too far). */
    NO_FACE_IN_FRAME,
    /** More than one face: only the card holder may be in view. */
    SEVERAL_FACES,
    /** The card photo decodes but no face is found in it. */
    NO_FACE_ON_CARD,
    /** The card photo bytes cannot be decoded. */
    UNREADABLE_PHOTO
}
