package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the models and the images are loaded once for all tests
class FaceMatcherTest {
    static final Path FACES = Path.of("hardware-sim/faces");
    /** Card photo people; the first three also stand in front of the camera. */
    static final List<String> CARD_PEOPLE = List.of("astronaut", "person-b", "person-c", "person-d", "person-e");
    static final List<String> CAMERA_PEOPLE = List.of("astronaut", "person-b", "person-c");
    /**
     * The gap each side of the threshold that the simulator's people must keep: more than half an impostor
     * spread (0.087). The nearest impostor pair (card person-e, camera person-b) scores 0.53, the genuine ones 0.75+.
     */
    static final double MARGIN = 0.05;

    private FaceModels models;
    private FaceMatcher matcher;
    private final Map<String, byte[]> cardPhotos = new HashMap<>();
    private final Map<String, BufferedImage> frames = new HashMap<>();

    @BeforeAll
    void loadModelsAndImagesOnce() throws IOException {
        models = FaceModels.load();
        matcher = new FaceMatcher(models, new CardPhotoDecoder(), FaceMatcher.DEFAULT_THRESHOLD);
        for (String person : CARD_PEOPLE) {
            // The virtual card stores the photo as a lossy JP2 of a few kilobytes, as a real card does.
            cardPhotos.put(person, Jpeg2000.encode(ImageIO.read(FACES.resolve(person + "-card.png").toFile()), 50));
        }
        for (String name : List.of("astronaut", "person-b", "person-c", "no-face", "two-faces")) {
            frames.put(name, ImageIO.read(FACES.resolve(name + ".png").toFile()));
        }
    }

    @AfterAll
    void closeModels() {
        models.close();
    }

    @Test
    void cardHolderInFrontOfTheCameraMatchesTheirJpeg2000CardPhoto() {
        for (String person : CAMERA_PEOPLE) {
            MatchResult result = matcher.match(cardPhotos.get(person), frames.get(person));
            System.out.printf("genuine  card %-10s frame %-10s similarity %.3f %s%n",
                    person, person, result.similarity(), result.outcome());
            assertThat(result.outcome()).as(person).isEqualTo(MatchOutcome.MATCH);
            assertThat(result.similarity()).as(person).isGreaterThanOrEqualTo(FaceMatcher.DEFAULT_THRESHOLD + MARGIN);
        }
    }

    @Test
    void someoneElseInFrontOfTheCameraDoesNotMatch() {
        for (String card : CARD_PEOPLE) {
            for (String person : CAMERA_PEOPLE) {
                if (card.equals(person)) {
                    continue;
                }
                MatchResult result = matcher.match(cardPhotos.get(card), frames.get(person));
                System.out.printf("impostor card %-10s frame %-10s similarity %.3f %s%n",
                        card, person, result.similarity(), result.outcome());
                assertThat(result.outcome()).as(card + " vs " + person).isEqualTo(MatchOutcome.NO_MATCH);
                assertThat(result.similarity()).as(card + " vs " + person)
                        .isLessThanOrEqualTo(FaceMatcher.DEFAULT_THRESHOLD - MARGIN);
            }
        }
    }

    @Test
    void anEmptySceneOrTwoPeopleAreNotCompared() {
        byte[] card = cardPhotos.get("astronaut");
        MatchResult empty = matcher.match(card, frames.get("no-face"));
        assertThat(empty.outcome()).isEqualTo(MatchOutcome.NO_FACE_IN_FRAME);
        assertThat(empty.guidance()).isEqualTo(FaceGuidance.NO_FACE);
        assertThat(empty.similarity()).isNaN();
        MatchResult two = matcher.match(card, frames.get("two-faces"));
        assertThat(two.outcome()).isEqualTo(MatchOutcome.SEVERAL_FACES);
        assertThat(two.guidance()).isEqualTo(FaceGuidance.SEVERAL_FACES);
    }

    @Test
    void aCardPhotoWithoutAFaceOrWithBrokenBytesIsReportedAsSuch() throws IOException {
        byte[] noFace = Jpeg2000.encode(frames.get("no-face"), 50);
        assertThat(matcher.match(noFace, frames.get("astronaut")).outcome()).isEqualTo(MatchOutcome.NO_FACE_ON_CARD);
        assertThat(matcher.match(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, frames.get("astronaut")).outcome())
                .isEqualTo(MatchOutcome.UNREADABLE_PHOTO);
        try (FaceCheck check = matcher.begin(noFace)) {
            assertThat(check.offer(frames.get("astronaut")).outcome()).isEqualTo(MatchOutcome.NO_FACE_ON_CARD);
        }
    }

    @Test
    void aClosedCheckHasWipedTheCardTemplateAndPrintsNothingPersonal() {
        FaceCheck check = matcher.begin(cardPhotos.get("person-c"));
        assertThat(check.toString()).doesNotContain("0.").contains("redacted");
        check.close();
        MatchResult after = check.offer(frames.get("person-c"));
        assertThat(after.outcome()).isEqualTo(MatchOutcome.NO_MATCH);
        // Both cosines with an all-zero template are 0, far below every impostor: the lowest score there is.
        assertThat(after.similarity()).isEqualTo(-1.0);
    }
}
