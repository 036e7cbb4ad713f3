package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.awt.image.RescaleOp;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Frames that cannot be compared say what the user can change; good frames say nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuidanceTest {
    private FaceModels models;
    private FaceMatcher matcher;
    private byte[] card;
    private BufferedImage frame;

    @BeforeAll
    void load() throws IOException {
        models = FaceModels.load();
        matcher = new FaceMatcher(models, new CardPhotoDecoder(), FaceMatcher.DEFAULT_THRESHOLD);
        card = Jpeg2000.encode(ImageIO.read(FaceMatcherTest.FACES.resolve("person-c-card.png").toFile()), 50);
        frame = ImageIO.read(FaceMatcherTest.FACES.resolve("person-c.png").toFile());
    }

    @AfterAll
    void close() {
        models.close();
    }

    private FaceGuidance guidance(BufferedImage image) {
        MatchResult result = matcher.match(card, image);
        if (result.guidance() != FaceGuidance.NONE) {
            assertThat(result.similarity()).isNaN();
        }
        return result.guidance();
    }

    @Test
    void aGoodFrameNeedsNoGuidance() {
        assertThat(guidance(frame)).isEqualTo(FaceGuidance.NONE);
    }

    @Test
    void aDarkFrameSaysTooDarkAndAGlaringOneTooBright() {
        assertThat(guidance(rescale(frame, 0.22f, 0))).isEqualTo(FaceGuidance.TOO_DARK);
        assertThat(guidance(rescale(frame, 0.35f, 190))).isEqualTo(FaceGuidance.TOO_BRIGHT);
    }

    @Test
    void aBlurredFrameSaysHoldStill() {
        BufferedImage blurred = frame;
        for (int i = 0; i < 4; i++) {
            blurred = boxBlur(blurred, 7);
        }
        assertThat(guidance(blurred)).isEqualTo(FaceGuidance.HOLD_STILL);
    }

    @Test
    void aSmallFaceSaysComeCloserAndOneOffToTheSideSaysMoveToTheCentre() {
        assertThat(guidance(place(frame, 0.3, 0, 0))).isEqualTo(FaceGuidance.COME_CLOSER);
        assertThat(guidance(place(frame, 0.7, 200, 0))).isEqualTo(FaceGuidance.MOVE_TO_CENTRE);
    }

    @Test
    void aFaceFillingTheFrameSaysStepBack() {
        assertThat(guidance(place(frame, 2.4, -10, -40))).isEqualTo(FaceGuidance.STEP_BACK);
    }

    @Test
    void aMaskOverNoseAndMouthSaysUncoverTheFace() {
        DetectedFace face = models.detector().detect(frame).get(0);
        BufferedImage masked = copy(frame);
        Graphics2D g = masked.createGraphics();
        try {
            g.setColor(new Color(205, 225, 240));
            double eyes = face.eyeDistance();
            int top = (int) (face.nose().y() - 0.25 * eyes);
            int left = (int) (face.rightEye().x() - 0.55 * eyes);
            int width = (int) (eyes * 2.1);
            int height = (int) (face.mouth().y() - top + 0.9 * eyes);
            g.fillRoundRect(left, top, width, height, (int) (eyes * 0.6), (int) (eyes * 0.6));
        } finally {
            g.dispose();
        }
        assertThat(guidance(masked)).isEqualTo(FaceGuidance.UNCOVER_FACE);
    }

    @Test
    void aHatIsAdviceGivenWithANonMatchWhileAFringeGetsNone() throws IOException {
        MatchResult hat = matcher.match(card, read("astronaut-cap"));
        assertThat(hat.outcome()).isEqualTo(MatchOutcome.NO_MATCH);
        assertThat(hat.guidance()).isEqualTo(FaceGuidance.REMOVE_HAT);
        try (FaceCheck check = matcher.begin(card)) {
            assertThat(check.offer(read("astronaut-cap")).guidance()).isEqualTo(FaceGuidance.REMOVE_HAT);
        }
        MatchResult fringe = matcher.match(card, read("astronaut"));
        assertThat(fringe.outcome()).isEqualTo(MatchOutcome.NO_MATCH);
        assertThat(fringe.guidance()).isEqualTo(FaceGuidance.NONE);
    }

    @Test
    void theCardHolderInAHatIsStillComparedAndToldOnlyIfNotMatched() throws IOException {
        // The bucket hat worn low shades her eyes: compared, not matched, and told why.
        MatchResult low = matcher.match(card, read("person-c-hat-low"));
        System.out.printf("card holder in a hat worn low: %s, similarity %.3f%n", low.outcome(), low.similarity());
        assertThat(low.outcome()).isEqualTo(MatchOutcome.NO_MATCH);
        assertThat(low.similarity()).isLessThan(FaceMatcher.DEFAULT_THRESHOLD - 0.02);
        assertThat(low.guidance()).isEqualTo(FaceGuidance.REMOVE_HAT);
        // Without it she matches, and nothing is said.
        MatchResult bare = matcher.match(card, read("person-c"));
        assertThat(bare.outcome()).isEqualTo(MatchOutcome.MATCH);
        assertThat(bare.guidance()).isEqualTo(FaceGuidance.NONE);
    }

    private static BufferedImage read(String name) throws IOException {
        return ImageIO.read(FaceMatcherTest.FACES.resolve(name + ".png").toFile());
    }

    private static BufferedImage rescale(BufferedImage image, float factor, float offset) {
        return new RescaleOp(factor, offset, null).filter(rgb(image), null);
    }

    private static BufferedImage boxBlur(BufferedImage image, int size) {
        float[] k = new float[size * size];
        java.util.Arrays.fill(k, 1f / k.length);
        return new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(rgb(image), null);
    }

    /** The frame scaled about its centre and shifted, on a grey background of the same size. */
    private static BufferedImage place(BufferedImage image, double scale, int dx, int dy) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(120, 120, 120));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int sw = (int) (w * scale);
            int sh = (int) (h * scale);
            g.drawImage(image, (w - sw) / 2 + dx, (h - sh) / 2 + dy, sw, sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage rgb(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage image) {
        return rgb(image);
    }
}
