package jp.mynakiosk.sim.camera;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_PROP_POS_FRAMES;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import jp.mynakiosk.device.Camera;
import jp.mynakiosk.device.CameraException;
import jp.mynakiosk.device.DeviceStatus;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * The simulator's camera. It shows what {@link #show(Path)} points at, switchable at run time:
 * <ul>
 * <li>an image file (PNG, JPEG): a person standing still in front of the camera; with {@link #setLively(boolean)}
 * on (the default) the picture ripples a little from grab to grab ({@link NaturalMotion}) so the face check's
 * liveness test sees a live face; off, every grab is the same picture, like a photo held up to the camera;</li>
 * <li>a folder of image files: an image sequence, played in name order and looped;</li>
 * <li>a video file ({@code .avi}, {@code .mjpg}, {@code .mjpeg}, {@code .mp4}, {@code .mkv}), read by OpenCV's
 * VideoCapture and looped.</li>
 * </ul>
 * Frames live in memory only. The control panel or a scenario pulls the plug with {@link #disconnect()}. A
 * missing or undecodable source behaves like a camera that has failed: {@code HARDWARE_ERROR} and a
 * {@link CameraException} on grab.
 */
public final class FileCamera implements Camera {
    /** Image sequences longer than this are refused rather than held in memory. */
    static final int MAX_SEQUENCE_FRAMES = 600;
    private static final List<String> VIDEO_SUFFIXES = List.of(".avi", ".mjpg", ".mjpeg", ".mp4", ".mkv");
    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private Path file;
    private Source source;
    private boolean lively = true;
    private boolean connected = true;
    private boolean closed;
    private boolean lastGrabFailed;
    private long grabs;

    public FileCamera(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** Shows another image, image folder or video from now on (the next grab reads it). */
    public synchronized void show(Path next) {
        file = Objects.requireNonNull(next, "file");
        lastGrabFailed = false;
        dropSource();
    }

    public synchronized Path showing() {
        return file;
    }

    /** Whether a still image is shown with a little natural motion (true) or frozen like a photo (false). */
    public synchronized void setLively(boolean lively) {
        this.lively = lively;
    }

    public synchronized boolean lively() {
        return lively;
    }

    /** Simulates unplugging the camera: NO_DEVICE until {@link #reconnect()}. */
    public synchronized void disconnect() {
        connected = false;
        dropSource();
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

    /** The next frame, a fresh image the caller may draw on. */
    @Override
    public synchronized BufferedImage grab() throws CameraException {
        if (closed) {
            throw new CameraException("file camera is closed");
        }
        if (!connected) {
            throw new CameraException("file camera is disconnected");
        }
        try {
            if (source == null || source.stale(file)) {
                dropSource();
                source = open(file);
            }
            BufferedImage frame = source.next(grabs++, lively);
            lastGrabFailed = false;
            return frame;
        } catch (CameraException e) {
            lastGrabFailed = true;
            dropSource();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        dropSource();
    }

    private void dropSource() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    private static Source open(Path file) throws CameraException {
        if (Files.isDirectory(file)) {
            return Sequence.read(file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (VIDEO_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return Video.open(file);
        }
        return Still.read(file);
    }

    static BufferedImage copy(BufferedImage image) {
        ColorModel model = image.getColorModel();
        WritableRaster raster = image.copyData(image.getRaster().createCompatibleWritableRaster());
        return new BufferedImage(model, raster, model.isAlphaPremultiplied(), null);
    }

    private static BufferedImage readImage(Path file) throws CameraException {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new CameraException("camera image " + file + " is not in a format ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new CameraException("camera image " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static long modifiedTime(Path file) throws CameraException {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new CameraException("camera source " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Where frames come from. */
    private sealed interface Source permits Still, Sequence, Video {
        BufferedImage next(long index, boolean lively) throws CameraException;

        /** True when the source no longer reflects the file (another path, or the file changed). */
        boolean stale(Path current);

        default void close() {
        }
    }

    /** One picture, decoded once per path and modification time; a preview grabs many times a second. */
    private record Still(Path file, long modified, BufferedImage image) implements Source {
        static Still read(Path file) throws CameraException {
            long modified = modifiedTime(file);
            return new Still(file, modified, readImage(file));
        }

        @Override
        public BufferedImage next(long index, boolean lively) {
            return lively ? NaturalMotion.frame(image, index) : copy(image);
        }

        @Override
        public boolean stale(Path current) {
            try {
                return !file.equals(current) || modifiedTime(current) != modified;
            } catch (CameraException e) {
                return true;
            }
        }

        @Override
        public String toString() {
            return "Still[" + file + ", frame redacted]";
        }
    }

    /** The images of a folder in name order, looped. */
    private record Sequence(Path folder, List<BufferedImage> frames) implements Source {
        static Sequence read(Path folder) throws CameraException {
            List<Path> files;
            try (Stream<Path> list = Files.list(folder)) {
                files = list.filter(p -> IMAGE_SUFFIXES.stream()
                                .anyMatch(s -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(s)))
                        .sorted().toList();
            } catch (IOException e) {
                throw new CameraException("camera image folder " + folder + " cannot be listed: " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new CameraException("camera image folder " + folder + " holds no .png/.jpg/.bmp image");
            }
            if (files.size() > MAX_SEQUENCE_FRAMES) {
                throw new CameraException("camera image folder " + folder + " holds " + files.size()
                        + " images, at most " + MAX_SEQUENCE_FRAMES + " expected");
            }
            List<BufferedImage> frames = new ArrayList<>(files.size());
            for (Path f : files) {
                frames.add(readImage(f));
            }
            return new Sequence(folder, List.copyOf(frames));
        }

        @Override
        public BufferedImage next(long index, boolean lively) {
            return copy(frames.get((int) (index % frames.size())));
        }

        @Override
        public boolean stale(Path current) {
            return !folder.equals(current);
        }

        @Override
        public String toString() {
            return "Sequence[" + folder + ", " + frames.size() + " frames redacted]";
        }
    }

    /** A video file read by OpenCV, from the start again at its end. */
    private static final class Video implements Source {
        private final Path file;
        private final VideoCapture capture;

        private Video(Path file, VideoCapture capture) {
            this.file = file;
            this.capture = capture;
        }

        static Video open(Path file) throws CameraException {
            if (!Files.isReadable(file)) {
                throw new CameraException("camera video " + file + " cannot be read");
            }
            VideoCapture capture = new VideoCapture(file.toString());
            if (!capture.isOpened()) {
                capture.close();
                throw new CameraException("camera video " + file + " is not in a format OpenCV's VideoCapture can read");
            }
            return new Video(file, capture);
        }

        @Override
        public BufferedImage next(long index, boolean lively) throws CameraException {
            try (Mat frame = new Mat()) {
                if (!capture.read(frame) || frame.empty()) {
                    capture.set(CAP_PROP_POS_FRAMES, 0);
                    if (!capture.read(frame) || frame.empty()) {
                        throw new CameraException("camera video " + file + " has no readable frame");
                    }
                }
                return MatImages.toBufferedImage(frame);
            }
        }

        @Override
        public boolean stale(Path current) {
            return !file.equals(current);
        }

        @Override
        public void close() {
            capture.close();
        }

        @Override
        public String toString() {
            return "Video[" + file + "]";
        }
    }
}
