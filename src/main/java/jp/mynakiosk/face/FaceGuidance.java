package jp.mynakiosk.face;

/** What the person at the camera can do so that the next frame can be compared (for the screen's notice). */
public enum FaceGuidance {
    /** Nothing: the frame is good. */
    NONE,
    NO_FACE,
    SEVERAL_FACES,
    COME_CLOSER,
    STEP_BACK,
    MOVE_TO_CENTRE,
    TOO_DARK,
    TOO_BRIGHT,
    /** The face is blurred (moving fast, or out of focus). */
    HOLD_STILL,
    /** The lower face is covered (a mask): please take it off. */
    UNCOVER_FACE,
    /**
     * A hat covers the forehead: please take it off. Advice only: such a frame is still compared, and the advice
     * is given when it does not match.
     */
    REMOVE_HAT,
    /** The face matches but has not moved at all: blink or turn the head a little (liveness). */
    MOVE_A_LITTLE,
    /** Liveness challenge: turn the head a little to one's own left. */
    TURN_LEFT,
    /** Liveness challenge: turn the head a little to one's own right. */
    TURN_RIGHT,
    /** Liveness challenge, between two turns: look straight at the camera again. */
    FACE_FRONT
}
