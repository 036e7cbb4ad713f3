package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Finds frontal faces with OpenCV's Haar cascade {@code haarcascade_frontalface_alt2} (it gave no false
 * positives on the simulator's images where {@code _default} found one in a space suit). Create one per
 * kiosk and share it: loading takes ~100 ms. Calls are serialized because a CascadeClassifier is not
 * thread-safe.
 */
public final class FaceDetector implements AutoCloseable {
    private static final String CASCADE = "haarcascade_frontalface_alt2.xml";
    private static final double SCALE_STEP = 1.1;
    private static final int MIN_NEIGHBOURS = 5;
    /** Faces smaller than this share of the image's shorter side are people passing by, not the user. */
    private static final int MIN_FACE_FRACTION = 8;
    private static final int MIN_FACE_PIXELS = 24;

    private final CascadeClassifier classifier;

    public FaceDetector() {
        classifier = loadCascade();
    }

    /** The faces in the image, largest first. */
    public List<FaceRegion> detect(BufferedImage image) {
        try (Mat bgr = MatImages.toBgrMat(image); Mat grey = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            return detectInGrey(grey);
        }
    }

    /** The faces in an 8-bit grey matrix, largest first. */
    synchronized List<FaceRegion> detectInGrey(Mat grey) {
        if (classifier.isNull()) {
            throw new IllegalStateException("face detector is closed");
        }
        int minSide = Math.max(MIN_FACE_PIXELS, Math.min(grey.cols(), grey.rows()) / MIN_FACE_FRACTION);
        try (Mat equalized = new Mat(); RectVector found = new RectVector();
                Size min = new Size(minSide, minSide); Size max = new Size()) {
            equalizeHist(grey, equalized);
            classifier.detectMultiScale(equalized, found, SCALE_STEP, MIN_NEIGHBOURS, 0, min, max);
            List<FaceRegion> faces = new ArrayList<>((int) found.size());
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                faces.add(new FaceRegion(r.x(), r.y(), r.width(), r.height()));
            }
            faces.sort((a, b) -> Long.compare(b.area(), a.area()));
            return List.copyOf(faces);
        }
    }

    @Override
    public synchronized void close() {
        if (!classifier.isNull()) {
            classifier.close();
        }
    }

    private static CascadeClassifier loadCascade() {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform() + "/share/opencv4/haarcascades/" + CASCADE;
        CascadeClassifier classifier = new CascadeClassifier();
        Path file = null;
        try (InputStream in = CascadeClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("face cascade " + resource + " is not on the class path");
            }
            // OpenCV reads cascades only from files, not from Java streams.
            file = Files.createTempFile("myna-face-cascade", ".xml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (!classifier.load(file.toString())) {
                throw new IllegalStateException("OpenCV could not load the face cascade " + resource);
            }
            return classifier;
        } catch (IOException e) {
            classifier.close();
            throw new UncheckedIOException("could not copy the face cascade " + resource + " to a temporary file", e);
        } catch (RuntimeException e) {
            classifier.close();
            throw e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
