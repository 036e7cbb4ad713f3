package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the cascade and the images are loaded once for all tests
class FaceMatcherTest {
    static final Path FACES = Path.of("hardware-sim/faces");
    /** Card photo people; the first three also stand in front of the camera. */
    static final List<String> CARD_PEOPLE = List.of("astronaut", "person-b", "person-c", "person-d", "person-e");
    static final List<String> CAMERA_PEOPLE = List.of("astronaut", "person-b", "person-c");
    /** The gap each side of the threshold that the simulator's people must keep. */
    static final double MARGIN = 0.05;

    private FaceDetector detector;
    private FaceMatcher matcher;
    private final Map<String, byte[]> cardPhotos = new HashMap<>();
    private final Map<String, BufferedImage> frames = new HashMap<>();

    @BeforeAll
    void loadCascadeAndImagesOnce() throws IOException {
        detector = new FaceDetector();
        matcher = new FaceMatcher(detector, new CardPhotoDecoder(), FaceMatcher.DEFAULT_THRESHOLD);
        for (String person : CARD_PEOPLE) {
            // The virtual card stores the photo as a lossy JP2 of a few kilobytes, as a real card does.
            cardPhotos.put(person, Jpeg2000.encode(ImageIO.read(FACES.resolve(person + "-card.png").toFile()), 50));
        }
        for (String name : List.of("astronaut", "person-b", "person-c", "no-face", "two-faces")) {
            frames.put(name, ImageIO.read(FACES.resolve(name + ".png").toFile()));
        }
    }

    @AfterAll
    void closeDetector() {
        detector.close();
    }

    @Test
    void cardHolderInFrontOfTheCameraMatchesTheirJpeg2000CardPhoto() {
        for (String person : CAMERA_PEOPLE) {
            MatchResult result = matcher.match(cardPhoto(person), frame(person));
            System.out.printf("genuine  card %-10s frame %-10s similarity %.3f %s%n",
                    person, person, result.similarity(), result.outcome());
            assertThat(result.outcome()).as(person).isEqualTo(MatchOutcome.MATCH);
            assertThat(result.similarity()).as(person).isGreaterThanOrEqualTo(FaceMatcher.DEFAULT_THRESHOLD + MARGIN);
        }
    }

    @Test
    void someoneElseInFrontOfTheCameraDoesNotMatch() {
        List<Double> impostorScores = new ArrayList<>();
        for (String card : CARD_PEOPLE) {
            byte[] photo = cardPhoto(card);
            for (String person : CAMERA_PEOPLE) {
                if (card.equals(person)) {
                    continue;
                }
                MatchResult result = matcher.match(photo, frame(person));
                System.out.printf("impostor card %-10s frame %-10s similarity %.3f %s%n",
                        card, person, result.similarity(), result.outcome());
                assertThat(result.outcome()).as(card + " vs " + person).isEqualTo(MatchOutcome.NO_MATCH);
                impostorScores.add(result.similarity());
            }
        }
        assertThat(impostorScores).hasSize(12).allSatisfy(
                score -> assertThat(score).isLessThanOrEqualTo(FaceMatcher.DEFAULT_THRESHOLD - MARGIN));
    }

    @Test
    void theThresholdDecidesAndComesFromTheProfile() {
        byte[] photo = cardPhoto("astronaut");
        double genuine = matcher.match(photo, frame("astronaut")).similarity();
        FaceMatcher strict = new FaceMatcher(detector, new CardPhotoDecoder(), Math.min(0.99, genuine + 0.01));
        assertThat(strict.match(photo, frame("astronaut")).outcome()).isEqualTo(MatchOutcome.NO_MATCH);
        FaceMatcher lax = new FaceMatcher(detector, new CardPhotoDecoder(), 0.01);
        assertThat(lax.match(photo, frame("person-b")).outcome()).isEqualTo(MatchOutcome.MATCH);
    }

    @Test
    void emptySceneHasNoFace() {
        MatchResult result = matcher.match(cardPhoto("astronaut"), frame("no-face"));
        assertThat(result.outcome()).isEqualTo(MatchOutcome.NO_FACE_IN_FRAME);
        assertThat(result.similarity()).isNaN();
    }

    @Test
    void twoPeopleInFrontOfTheCameraAreRefused() {
        MatchResult result = matcher.match(cardPhoto("person-c"), frame("two-faces"));
        assertThat(result.outcome()).isEqualTo(MatchOutcome.SEVERAL_FACES);
        assertThat(result.matched()).isFalse();
    }

    @Test
    void cardPhotoWithoutAFaceIsReported() throws IOException {
        byte[] photo = Jpeg2000.encode(ImageIO.read(FACES.resolve("no-face.png").toFile()), 50);
        assertThat(matcher.match(photo, frame("astronaut")).outcome()).isEqualTo(MatchOutcome.NO_FACE_ON_CARD);
    }

    @Test
    void brokenCardPhotoBytesAreUnreadableNotACrash() {
        byte[] good = cardPhoto("astronaut");
        byte[] corrupted = good.clone();
        for (int i = 200; i < corrupted.length; i += 7) {
            corrupted[i] ^= 0x5A;
        }
        List<byte[]> broken = List.of(
                new byte[0],
                "not a photo at all".getBytes(),
                Arrays.copyOf(good, 40),
                Arrays.copyOf(good, good.length / 3),
                corrupted,
                new byte[CardPhotoDecoder.MAX_BYTES + 1]);
        for (byte[] bytes : broken) {
            MatchResult result = matcher.match(bytes, frame("astronaut"));
            assertThat(result.outcome()).as(bytes.length + " bytes").isEqualTo(MatchOutcome.UNREADABLE_PHOTO);
        }
    }

    @Test
    void jpegAndPngCardPhotosAreAcceptedToo() throws IOException {
        BufferedImage card = ImageIO.read(FACES.resolve("astronaut-card.png").toFile());
        for (String format : List.of("jpg", "png")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(card, format, out);
            assertThat(matcher.match(out.toByteArray(), frame("astronaut")).outcome()).as(format)
                    .isEqualTo(MatchOutcome.MATCH);
        }
    }

    @Test
    void detectionOfA640x480FrameTakesMilliseconds() {
        BufferedImage frame = frame("astronaut");
        assertThat(frame.getWidth()).isEqualTo(640);
        assertThat(frame.getHeight()).isEqualTo(480);
        detector.detect(frame);
        int runs = 10;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            assertThat(detector.detect(frame)).hasSize(1);
        }
        double millis = (System.nanoTime() - start) / 1e6 / runs;
        System.out.printf("face detection on 640x480: %.1f ms per frame%n", millis);
        assertThat(millis).isLessThan(500);
    }

    private byte[] cardPhoto(String person) {
        return cardPhotos.get(person);
    }

    private BufferedImage frame(String name) {
        return frames.get(name);
    }
}
