package jp.mynakiosk.ui;

import java.awt.image.BufferedImage;

/**
 * Where the face screen gets its live picture. The app wires it to the camera.
 *
 * <p>{@link #latestFrame()} is called on the event dispatch thread about 15 times a second, so it must
 * return at once: hand over the frame the camera thread grabbed last (for example from an
 * {@code AtomicReference}), never grab one here.
 */
@FunctionalInterface
public interface PreviewSource {

    /** The most recent camera frame, or {@code null} when there is none (yet). */
    BufferedImage latestFrame();

    /**
     * The face photo read from the current session's card, for the "is this you?" screen; {@code null} when there is
     * none. Like the frames, it lives only while the card is in the reader.
     */
    default BufferedImage cardPhoto() {
        return null;
    }

    /** A source without a camera: the preview shows only the face guide. */
    static PreviewSource none() {
        return () -> null;
    }
}
