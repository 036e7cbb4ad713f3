package jp.mynakiosk.app;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import jp.mynakiosk.device.Camera;
import jp.mynakiosk.device.CameraException;

/**
 * The only reader of the camera: while running, grabs frames at the preview rate on its own thread and keeps
 * just the newest one, for the preview on screen and for the face check. Stopping drops the frame, so no
 * picture of a user outlives the face step.
 */
final class CameraPump implements AutoCloseable {

    private static final long FRAME_INTERVAL_MILLIS = 1000 / 15;

    private final Camera camera;
    private final AtomicReference<BufferedImage> newest = new AtomicReference<>();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Object lock = new Object();
    private Thread thread;
    private long frames;

    CameraPump(Camera camera) {
        this.camera = camera;
    }

    void start() {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            failure.set(null);
            thread = new Thread(this::pump, "kiosk-camera");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop() {
        Thread running;
        synchronized (lock) {
            running = thread;
            thread = null;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        newest.set(null);
    }

    /** The newest frame, or null when the camera has none (yet). */
    BufferedImage latestFrame() {
        return newest.get();
    }

    /** Why the camera gave no frame lately, or null while it works. Technical; never shown to a user. */
    String failure() {
        return failure.get();
    }

    /** How many frames were grabbed since start; lets the face check wait for a fresh one. */
    long frameCount() {
        synchronized (lock) {
            return frames;
        }
    }

    private void pump() {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            try {
                BufferedImage frame = camera.grab();
                synchronized (lock) {
                    if (thread != Thread.currentThread()) {
                        return;
                    }
                    newest.set(frame);
                    frames++;
                }
                failure.set(null);
            } catch (CameraException e) {
                newest.set(null);
                failure.set(e.getMessage());
            } catch (RuntimeException e) {
                newest.set(null);
                failure.set(e.getClass().getSimpleName());
            }
            long spent = (System.nanoTime() - started) / 1_000_000;
            try {
                Thread.sleep(Math.max(5, FRAME_INTERVAL_MILLIS - spent));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
