package jp.mynakiosk.sim.camera;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import jp.mynakiosk.device.Camera;
import jp.mynakiosk.device.CameraException;
import jp.mynakiosk.device.DeviceStatus;

/**
 * The simulator's camera: every grab returns the image file it is currently showing (e.g. one from
 * hardware-sim/faces). The control panel or a scenario switches the file with {@link #show(Path)} and
 * pulls the plug with {@link #disconnect()}. A missing or undecodable file behaves like a camera that
 * has failed: {@code HARDWARE_ERROR} and a {@link CameraException} on grab.
 */
public final class FileCamera implements Camera {
    private Path file;
    private Shown shown;
    private boolean connected = true;
    private boolean closed;
    private boolean lastGrabFailed;

    public FileCamera(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Shows another image from now on (the next grab reads it). */
    public synchronized void show(Path next) {
        file = Objects.requireNonNull(next, "file");
        lastGrabFailed = false;
    }

    public synchronized Path showing() {
        return file;
    }

    /** Simulates unplugging the camera: NO_DEVICE until {@link #reconnect()}. */
    public synchronized void disconnect() {
        connected = false;
        shown = null;
    }

    public synchronized void reconnect() {
        connected = true;
        lastGrabFailed = false;
    }

    @Override
    public synchronized DeviceStatus status() {
        if (closed) {
            return DeviceStatus.OFFLINE;
        }
        if (!connected) {
            return DeviceStatus.NO_DEVICE;
        }
        return lastGrabFailed || !Files.isReadable(file) ? DeviceStatus.HARDWARE_ERROR : DeviceStatus.ONLINE;
    }

    /** A fresh copy of the shown image; the caller may draw on it. */
    @Override
    public synchronized BufferedImage grab() throws CameraException {
        if (closed) {
            throw new CameraException("file camera is closed");
        }
        if (!connected) {
            throw new CameraException("file camera is disconnected");
        }
        try {
            BufferedImage image = read();
            lastGrabFailed = false;
            return copy(image);
        } catch (CameraException e) {
            lastGrabFailed = true;
            shown = null;
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        shown = null;
    }

    /** Decodes the file once per path and modification time; a preview grabs many times a second. */
    private BufferedImage read() throws CameraException {
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            if (shown != null && shown.file().equals(file) && shown.modified() == modified) {
                return shown.image();
            }
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new CameraException("camera image " + file + " is not in a format ImageIO can read");
            }
            shown = new Shown(file, modified, image);
            return image;
        } catch (IOException e) {
            throw new CameraException("camera image " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static BufferedImage copy(BufferedImage image) {
        ColorModel model = image.getColorModel();
        WritableRaster raster = image.copyData(image.getRaster().createCompatibleWritableRaster());
        return new BufferedImage(model, raster, model.isAlphaPremultiplied(), null);
    }

    record Shown(Path file, long modified, BufferedImage image) {
        @Override
        public String toString() {
            return "Shown[" + file + ", frame redacted]";
        }
    }
}
