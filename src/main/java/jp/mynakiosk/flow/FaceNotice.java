package jp.mynakiosk.flow;

/** Why the last face check did not succeed, so the screen can tell the user what to change. */
public enum FaceNotice {
    NONE, NO_FACE, SEVERAL_FACES, NOT_MATCHED, CAMERA_FAILED,
    /** Not matched, and a hat covered the forehead in most of the frames that did not match. */
    REMOVE_HAT,
    /** With the head-turn challenge: the turns asked for were not made, so the try could not pass. */
    TURN_AS_ASKED
}
