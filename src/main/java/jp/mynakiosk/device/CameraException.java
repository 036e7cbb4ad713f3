package jp.mynakiosk.device;

/** The camera could not deliver a frame. The message is technical and never shown to a user. */
public final class CameraException extends Exception {
    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
