package jp.mynakiosk.flow;

/** Live advice while the camera looks for the card holder's face: what the user can do right now. */
public enum FaceHint {
    /** The frame is good (or nothing is known yet). */
    NONE,
    NO_FACE,
    SEVERAL_FACES,
    COME_CLOSER,
    STEP_BACK,
    MOVE_TO_CENTRE,
    TOO_DARK,
    TOO_BRIGHT,
    HOLD_STILL,
    /** The lower face is covered: take off the mask. */
    UNCOVER_FACE,
    /** A hat covers the forehead: take off the hat. */
    REMOVE_HAT,
    /** Blink or turn the head a little, so the kiosk sees a live face and not a photo. */
    MOVE_A_LITTLE,
    /** The liveness challenge asks for a small turn of the head to the user's own left. */
    TURN_LEFT,
    /** The liveness challenge asks for a small turn of the head to the user's own right. */
    TURN_RIGHT,
    /** The liveness challenge asks the user to look straight at the camera again between two turns. */
    FACE_FRONT
}
