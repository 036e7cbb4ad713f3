package jp.mynakiosk.device.javacv;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_ANY;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_HEIGHT;
import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_FRAME_WIDTH;

import java.awt.image.BufferedImage;
import jp.mynakiosk.device.Camera;
import jp.mynakiosk.device.CameraException;
import jp.mynakiosk.device.DeviceStatus;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * A real camera by device index (e.g. 0 for /dev/video0) through OpenCV's VideoCapture. If the camera is
 * missing the status is NO_DEVICE and each grab tries to open it again, so a camera plugged in later is
 * picked up; a camera that is open but delivers no frame is HARDWARE_ERROR and is reopened on the next grab.
 * {@link #switchTo(int)} changes the device at run time. Frames stay in memory.
 */
public final class OpenCvCamera implements Camera {
    private int deviceIndex;
    private final int width;
    private final int height;
    private VideoCapture capture;
    private DeviceStatus status = DeviceStatus.NO_DEVICE;
    private boolean closed;

    /** Opens the camera at once; asks for 640x480 frames. */
    public OpenCvCamera(int deviceIndex) {
        this(deviceIndex, 640, 480);
    }

    public OpenCvCamera(int deviceIndex, int width, int height) {
        if (deviceIndex < 0) {
            throw new IllegalArgumentException("camera device index must be 0 or more, got " + deviceIndex);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("camera frame size must be positive, got " + width + "x" + height);
        }
        this.deviceIndex = deviceIndex;
        this.width = width;
        this.height = height;
        open();
    }

    /** Switches to another camera at run time: the current one is released, the other opened at once. */
    public synchronized void switchTo(int nextIndex) {
        if (nextIndex < 0) {
            throw new IllegalArgumentException("camera device index must be 0 or more, got " + nextIndex);
        }
        if (closed) {
            throw new IllegalStateException("camera is closed");
        }
        release();
        deviceIndex = nextIndex;
        open();
    }

    public synchronized int deviceIndex() {
        return deviceIndex;
    }

    @Override
    public synchronized DeviceStatus status() {
        return closed ? DeviceStatus.OFFLINE : status;
    }

    @Override
    public synchronized BufferedImage grab() throws CameraException {
        if (closed) {
            throw new CameraException("camera " + deviceIndex + " is closed");
        }
        if (capture == null && !open()) {
            throw new CameraException("no camera at device index " + deviceIndex);
        }
        try (Mat frame = new Mat()) {
            if (!capture.read(frame) || frame.empty()) {
                release();
                status = DeviceStatus.HARDWARE_ERROR;
                throw new CameraException("camera " + deviceIndex + " delivered no frame");
            }
            status = DeviceStatus.ONLINE;
            return MatImages.toBufferedImage(frame);
        } catch (RuntimeException e) {
            release();
            status = DeviceStatus.HARDWARE_ERROR;
            throw new CameraException("camera " + deviceIndex + " failed while grabbing", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        release();
    }

    private boolean open() {
        VideoCapture opened = new VideoCapture();
        try {
            if (opened.open(deviceIndex, CAP_ANY) && opened.isOpened()) {
                opened.set(CAP_PROP_FRAME_WIDTH, width);
                opened.set(CAP_PROP_FRAME_HEIGHT, height);
                capture = opened;
                status = DeviceStatus.ONLINE;
                return true;
            }
        } catch (RuntimeException e) {
            // Some backends throw instead of returning false for a missing device; both mean "no camera".
        }
        opened.close();
        status = DeviceStatus.NO_DEVICE;
        return false;
    }

    private void release() {
        if (capture != null) {
            capture.release();
            capture.close();
            capture = null;
        }
    }
}
