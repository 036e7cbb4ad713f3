package jp.mynakiosk.flow;

/** Why the last face check did not succeed, so the screen can tell the user what to change. */
public enum FaceNotice {
    NONE, NO_FACE, SEVERAL_FACES, NOT_MATCHED, CAMERA_FAILED
}
