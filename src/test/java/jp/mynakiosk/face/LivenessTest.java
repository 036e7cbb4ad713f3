package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import jp.mynakiosk.device.javacv.MatImages;
import jp.mynakiosk.sim.camera.NaturalMotion;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A photo of the card holder held up to the camera must not pass; the same face moving naturally must. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivenessTest {
    private static final int FRAMES = 12;

    private FaceModels models;
    private FaceMatcher matcher;
    private byte[] card;
    private BufferedImage still;

    @BeforeAll
    void load() throws IOException {
        models = FaceModels.load();
        matcher = new FaceMatcher(models, new CardPhotoDecoder(), FaceMatcher.DEFAULT_THRESHOLD);
        card = Jpeg2000.encode(ImageIO.read(FaceMatcherTest.FACES.resolve("person-b-card.png").toFile()), 50);
        still = ImageIO.read(FaceMatcherTest.FACES.resolve("person-b.png").toFile());
    }

    @AfterAll
    void close() {
        models.close();
    }

    @Test
    void aStillImageFedAsVideoNeverMatchesThoughItIsTheCardHolder() {
        try (FaceCheck check = matcher.begin(card)) {
            List<MatchOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < FRAMES; i++) {
                MatchResult result = check.offer(still);
                outcomes.add(result.outcome());
                assertThat(result.guidance()).isEqualTo(FaceGuidance.MOVE_A_LITTLE);
            }
            assertThat(outcomes).containsOnly(MatchOutcome.NOT_LIVE_YET);
            assertThat(check.motion()).isZero();
        }
    }

    @Test
    void aPhotoMovedTurnedAndTiltedByHandNeverMatches() {
        try (FaceCheck check = matcher.begin(card)) {
            for (int i = 0; i < FRAMES; i++) {
                double t = 2 * Math.PI * i / FRAMES;
                BufferedImage frame = heldPhoto(still, 12 * Math.sin(t), 8 * Math.cos(t), Math.toRadians(4 * Math.sin(2 * t)),
                        1 + 0.05 * Math.cos(t), 0.0004 * Math.sin(t), 0.0003 * Math.cos(3 * t));
                MatchResult result = check.offer(frame);
                assertThat(result.outcome()).as("frame " + i).isIn(MatchOutcome.NOT_LIVE_YET, MatchOutcome.NO_MATCH,
                        MatchOutcome.POOR_FRAME);
            }
            System.out.printf("held photo: largest unexplained change %.4f (live from %.3f)%n",
                    check.motion(), LivenessTracker.MIN_RESIDUAL);
            assertThat(check.motion()).isLessThan(LivenessTracker.MIN_RESIDUAL);
        }
    }

    @Test
    void theCardHolderMovingNaturallyMatchesWithinAFewFrames() {
        try (FaceCheck check = matcher.begin(card)) {
            int frame = 0;
            MatchResult result = check.offer(NaturalMotion.frame(still, frame));
            while (!result.matched() && ++frame < FRAMES) {
                result = check.offer(NaturalMotion.frame(still, frame));
            }
            System.out.printf("natural motion: matched after %d frames, motion %.4f%n", frame + 1, check.motion());
            assertThat(result.outcome()).isEqualTo(MatchOutcome.MATCH);
            assertThat(frame).isLessThan(12);
        }
    }

    @Test
    void someoneElseMovingNaturallyStillDoesNotMatch() throws IOException {
        BufferedImage other = ImageIO.read(FaceMatcherTest.FACES.resolve("astronaut.png").toFile());
        try (FaceCheck check = matcher.begin(card)) {
            for (int i = 0; i < 6; i++) {
                assertThat(check.offer(NaturalMotion.frame(other, i)).outcome()).isEqualTo(MatchOutcome.NO_MATCH);
            }
        }
    }

    @Test
    void withTheChallengeTheCardHolderWhoTurnsWhenAskedMatches() {
        BufferedImage turnedLeft = HeadTurnChallengeTest.mirror(still);
        long[] now = {0};
        HeadTurnChallenge challenge = new HeadTurnChallenge(HeadTurnChallengeTest.sides(true, true, true));
        try (FaceCheck check = matcher.begin(card, challenge, () -> now[0])) {
            List<FaceGuidance> shown = new ArrayList<>();
            MatchResult result = null;
            int frame = 0;
            for (; frame < 150 && (result == null || !result.matched()); frame++) {
                // She turns 0.47 s (7 frames) after a turn is asked, and faces front again when asked.
                FaceGuidance doing = shown.size() < 7 ? FaceGuidance.NONE : shown.get(shown.size() - 7);
                BufferedImage pose = doing == FaceGuidance.TURN_LEFT ? turnedLeft : still;
                now[0] += HeadTurnChallengeTest.FRAME_NANOS;
                result = check.offer(NaturalMotion.frame(pose, frame));
                shown.add(result.guidance());
            }
            System.out.printf("head-turn challenge: the card holder matched after %d frames (%.1f s)%n", frame,
                    frame / 15.0);
            assertThat(result.outcome()).isEqualTo(MatchOutcome.MATCH);
            assertThat(shown).containsSubsequence(FaceGuidance.TURN_LEFT, FaceGuidance.FACE_FRONT, FaceGuidance.TURN_LEFT,
                    FaceGuidance.FACE_FRONT, FaceGuidance.TURN_LEFT);
        }
    }

    @Test
    void withTheChallengeAReplayOfTheCardHolderThatDoesNotTurnNeverMatches() {
        long[] now = {0};
        try (FaceCheck motionOnly = matcher.begin(card);
                FaceCheck challenged = matcher.begin(card, new HeadTurnChallenge(new java.util.SplittableRandom(3)),
                        () -> now[0])) {
            boolean motionMatched = false;
            for (int frame = 0; frame < FRAMES && !motionMatched; frame++) {
                motionMatched = motionOnly.offer(NaturalMotion.frame(still, frame)).matched();
            }
            // Four seconds: past the first prompt's window, into the next start.
            List<MatchOutcome> outcomes = new ArrayList<>();
            for (int frame = 0; frame < 60; frame++) {
                now[0] += HeadTurnChallengeTest.FRAME_NANOS;
                outcomes.add(challenged.offer(NaturalMotion.frame(still, frame)).outcome());
            }
            assertThat(motionMatched).as("the same replay passes motion liveness").isTrue();
            assertThat(outcomes).doesNotContain(MatchOutcome.MATCH).contains(MatchOutcome.NOT_LIVE_YET);
        }
    }

    /** A passer-by, or a second face, in one frame must not cost the card holder the rounds she has made. */
    @Test
    void withTheChallengeOneFrameOfSomeoneElseDoesNotSpoilTheCardHoldersTry() throws IOException {
        for (String intruder : List.of("astronaut", "two-faces")) {
            BufferedImage other = ImageIO.read(FaceMatcherTest.FACES.resolve(intruder + ".png").toFile());
            BufferedImage turnedLeft = HeadTurnChallengeTest.mirror(still);
            long[] now = {0};
            HeadTurnChallenge challenge = new HeadTurnChallenge(HeadTurnChallengeTest.sides(true, true, true));
            try (FaceCheck check = matcher.begin(card, challenge, () -> now[0])) {
                List<FaceGuidance> shown = new ArrayList<>();
                MatchResult result = null;
                int frame = 0;
                for (; frame < 150 && (result == null || !result.matched()); frame++) {
                    FaceGuidance doing = shown.size() < 7 ? FaceGuidance.NONE : shown.get(shown.size() - 7);
                    BufferedImage pose = frame == 12 ? other
                            : doing == FaceGuidance.TURN_LEFT ? turnedLeft : still;
                    now[0] += HeadTurnChallengeTest.FRAME_NANOS;
                    result = check.offer(NaturalMotion.frame(pose, frame));
                    shown.add(result.guidance());
                }
                assertThat(result.outcome()).as("with one frame of " + intruder).isEqualTo(MatchOutcome.MATCH);
            }
        }
    }

    @Test
    void withTheChallengeATryWhoseTurnsAreNeverMadeEndsOnceItsStartsAreUsed() {
        long[] now = {0};
        try (FaceCheck check = matcher.begin(card, new HeadTurnChallenge(new java.util.SplittableRandom(5)),
                () -> now[0])) {
            List<MatchOutcome> outcomes = new ArrayList<>();
            for (int frame = 0; frame < 200 && !outcomes.contains(MatchOutcome.TURNS_NOT_MADE); frame++) {
                now[0] += HeadTurnChallengeTest.FRAME_NANOS;
                outcomes.add(check.offer(NaturalMotion.frame(still, frame)).outcome());
            }
            System.out.printf("head-turn challenge: a try without the turns ended after %.1f s%n",
                    outcomes.size() / 15.0);
            assertThat(outcomes).doesNotContain(MatchOutcome.MATCH).endsWith(MatchOutcome.TURNS_NOT_MADE);
        }
    }

    /**
     * A replay of the card holder that never turns, and someone else who turns their own head whenever a turn is
     * asked (a phone lowered and raised again): the turns must be the card holder's to count.
     */
    @Test
    void withTheChallengeSomeoneElsesTurnsDoNotCountForTheCardHolder() throws IOException {
        BufferedImage other = ImageIO.read(FaceMatcherTest.FACES.resolve("astronaut.png").toFile());
        long[] now = {0};
        HeadTurnChallenge challenge = new HeadTurnChallenge(HeadTurnChallengeTest.sides(true, true, true));
        try (FaceCheck check = matcher.begin(card, challenge, () -> now[0])) {
            List<FaceGuidance> shown = new ArrayList<>();
            boolean matched = false;
            for (int frame = 0; frame < 150 && !matched; frame++) {
                FaceGuidance doing = shown.size() < 7 ? FaceGuidance.NONE : shown.get(shown.size() - 7);
                // The astronaut faces the camera squarely: against the card holder's pose that reads as a turn.
                BufferedImage pose = doing == FaceGuidance.TURN_LEFT ? other : still;
                now[0] += HeadTurnChallengeTest.FRAME_NANOS;
                MatchResult result = check.offer(NaturalMotion.frame(pose, frame));
                matched = result.matched();
                shown.add(result.guidance());
            }
            assertThat(shown).as("turns were asked").contains(FaceGuidance.TURN_LEFT);
            assertThat(matched).as("matched on someone else's turns").isFalse();
            assertThat(challenge.passed()).isFalse();
        }
    }

    /** The still as a flat print would look when shifted, turned, scaled and tilted (a perspective warp). */
    static BufferedImage heldPhoto(BufferedImage image, double dx, double dy, double angle, double scale,
                                   double tiltX, double tiltY) {
        double cx = image.getWidth() / 2.0;
        double cy = image.getHeight() / 2.0;
        double c = Math.cos(angle) * scale;
        double s = Math.sin(angle) * scale;
        double[] h = {
                c, -s, cx - c * cx + s * cy + dx,
                s, c, cy - s * cx - c * cy + dy,
                tiltX, tiltY, 1 - tiltX * cx - tiltY * cy};
        try (Mat src = MatImages.toBgrMat(image); Mat dst = new Mat(); Mat m = new Mat(3, 3, CV_64F);
                Size size = new Size(image.getWidth(), image.getHeight()); Scalar black = new Scalar(0, 0, 0, 0)) {
            new DoublePointer(m.data()).put(h);
            warpPerspective(src, dst, m, size, INTER_LINEAR, BORDER_REPLICATE, black);
            return MatImages.toBufferedImage(dst);
        }
    }
}
