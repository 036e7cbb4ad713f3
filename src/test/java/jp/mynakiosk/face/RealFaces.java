package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
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
 * Every real face the tests have: the simulator's camera frames and card photos (committed), and the faces of
 * the benchmark's photographs fetched at test time ({@link BenchmarkImages}: bald_guys, face-api's group photos,
 * dlib's other examples, the full astronaut portrait). Each comes as a tile around the face with room above the
 * head, and the detector's face in that tile.
 */
final class RealFaces {
    record Sample(String name, BufferedImage tile, DetectedFace face) {
    }

    private RealFaces() {
    }

    /** The simulator's own images: one face each. */
    static List<Sample> simulator(FaceDetector detector) {
        List<Sample> samples = new ArrayList<>();
        for (String name : List.of("astronaut", "person-b", "person-c", "astronaut-card", "person-b-card",
                "person-c-card", "person-d-card", "person-e-card")) {
            try {
                BufferedImage image = javax.imageio.ImageIO.read(FaceMatcherTest.FACES.resolve(name + ".png").toFile());
                List<DetectedFace> faces = detector.detect(image);
                assertThat(faces).as(name).isNotEmpty();
                samples.add(new Sample(name, image, faces.get(0)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return samples;
    }

    /** The faces of the fetched photographs (the test is skipped where they cannot be fetched). */
    static List<Sample> photographs(FaceDetector detector) {
        List<Path> photos = new ArrayList<>();
        photos.add(BenchmarkImages.baldGuys());
        photos.addAll(BenchmarkImages.faceApiSamples());
        photos.add(BenchmarkImages.astronaut());
        photos.addAll(BenchmarkImages.dlibExamples());
        List<Sample> samples = new ArrayList<>();
        for (Path photo : photos) {
            samples.addAll(faces(detector, photo));
        }
        return samples;
    }

    /** Haar proposes boxes; the kiosk's own detector runs on a tile around each (as FaceBenchmarkTest does). */
    private static List<Sample> faces(FaceDetector detector, Path image) {
        List<Sample> found = new ArrayList<>();
        List<double[]> centres = new ArrayList<>();
        String base = image.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
        try (Mat bgr = imread(image.toString()); Mat grey = new Mat(); Mat eq = new Mat(); RectVector boxes = new RectVector();
                CascadeClassifier haar = haar(); Size min = new Size(40, 40); Size max = new Size()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            equalizeHist(grey, eq);
            haar.detectMultiScale(eq, boxes, 1.1, 4, 0, min, max);
            for (long i = 0; i < boxes.size(); i++) {
                Rect r = boxes.get(i);
                double cx = r.x() + r.width() / 2.0;
                double cy = r.y() + r.height() / 2.0;
                int side = (int) (r.width() * 2.4);
                int x0 = (int) Math.max(0, cx - side / 2.0);
                int y0 = (int) Math.max(0, cy - side * 0.55);
                int w = Math.min(side, bgr.cols() - x0);
                int h = Math.min(side, bgr.rows() - y0);
                try (Rect crop = new Rect(x0, y0, w, h); Mat part = new Mat(bgr, crop)) {
                    BufferedImage tile = MatImages.toBufferedImage(part);
                    List<DetectedFace> faces = detector.detect(tile);
                    if (faces.isEmpty()) {
                        continue;
                    }
                    DetectedFace face = faces.get(0);
                    double fx = x0 + face.box().x() + face.box().width() / 2.0;
                    double fy = y0 + face.box().y() + face.box().height() / 2.0;
                    if (centres.stream().anyMatch(c -> Math.hypot(c[0] - fx, c[1] - fy) < face.box().width() / 2.0)) {
                        continue;
                    }
                    centres.add(new double[] {fx, fy});
                    found.add(new Sample(base + "@" + (int) fx + "," + (int) fy, tile, face));
                }
            }
        }
        return found;
    }

    private static CascadeClassifier haar() {
        String resource = "/org/bytedeco/opencv/" + Loader.getPlatform()
                + "/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";
        try {
            Path file = Files.createTempFile("hat-haar", ".xml");
            try (InputStream in = CascadeClassifier.class.getResourceAsStream(resource)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                CascadeClassifier c = new CascadeClassifier();
                assertThat(c.load(file.toString())).isTrue();
                return c;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
