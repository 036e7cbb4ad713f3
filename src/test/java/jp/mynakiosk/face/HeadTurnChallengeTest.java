package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;
import jp.mynakiosk.sim.camera.NaturalMotion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The head-turn challenge on the detector's keypoints of real photographs. A head turned one way and the same
 * photograph mirrored are one head turned to either side: person-b looks to her right, mirrored to her left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadTurnChallengeTest {
    /** 15 frames a second, as the camera pump grabs them. */
    static final long FRAME_NANOS = 66_666_667L;

    private FaceDetector detector;
    /** person-b as photographed (looking to her right) and mirrored (looking to her left), with natural motion. */
    private List<DetectedFace> right;
    private List<DetectedFace> left;

    @BeforeAll
    void load() throws IOException {
        detector = new FaceDetector();
        BufferedImage still = ImageIO.read(FaceMatcherTest.FACES.resolve("person-b.png").toFile());
        right = moving(still);
        left = moving(mirror(still));
    }

    @AfterAll
    void close() {
        detector.close();
    }

    @Test
    void theNoseCoordinateTellsTheSidesApartAndNaturalMotionStaysBelowATurn() {
        double[] r = range(right);
        double[] l = range(left);
        System.out.printf("nose coordinate: looking right %.3f..%.3f, looking left %.3f..%.3f (turn from %.2f)%n",
                r[0], r[1], l[0], l[1], HeadTurnChallenge.MIN_TURN);
        assertThat(l[0] - r[1]).isGreaterThan(HeadTurnChallenge.MIN_TURN);
        assertThat(r[1] - r[0]).isLessThan(HeadTurnChallenge.MIN_TURN);
        assertThat(l[1] - l[0]).isLessThan(HeadTurnChallenge.MIN_TURN);
    }

    @Test
    void aHeadThatTurnsWhenAskedAndFacesFrontBetweenPassesBothRounds() {
        HeadTurnChallenge challenge = new HeadTurnChallenge(sides(true, true, true));
        Person person = new Person(right, left);
        assertThat(person.follow(challenge, 120)).isEqualTo(FaceGuidance.NONE);
        assertThat(challenge.passed()).isTrue();
        assertThat(person.asked).containsSubsequence(FaceGuidance.TURN_LEFT, FaceGuidance.FACE_FRONT,
                FaceGuidance.TURN_LEFT, FaceGuidance.FACE_FRONT, FaceGuidance.TURN_LEFT, FaceGuidance.NONE);
    }

    @Test
    void aTurnToTheRightIsReadAsOne() {
        HeadTurnChallenge challenge = new HeadTurnChallenge(sides(false, false, false));
        Person person = new Person(left, right);
        assertThat(person.follow(challenge, 120)).isEqualTo(FaceGuidance.NONE);
        assertThat(person.asked).contains(FaceGuidance.TURN_RIGHT).doesNotContain(FaceGuidance.TURN_LEFT);
    }

    @Test
    void turningTheWrongWayStartsOverWithANewSide() {
        HeadTurnChallenge challenge = new HeadTurnChallenge(sides(false, true));
        long now = 0;
        assertThat(challenge.offer(right.get(0), now)).isEqualTo(FaceGuidance.TURN_RIGHT);
        for (int i = 1; i < 5; i++) {
            challenge.offer(right.get(i), now += FRAME_NANOS);
        }
        // Asked right, the head turns left.
        assertThat(challenge.offer(left.get(0), now += FRAME_NANOS)).isEqualTo(FaceGuidance.TURN_LEFT);
        assertThat(challenge.passed()).isFalse();
    }

    @Test
    void aReplayThatNeverTurnsIsAskedOverAndOverAndNeverPasses() {
        HeadTurnChallenge challenge = new HeadTurnChallenge(new SplittableRandom(7));
        long now = 0;
        List<FaceGuidance> asked = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            asked.add(challenge.offer(right.get(i % right.size()), now += FRAME_NANOS));
        }
        assertThat(challenge.passed()).isFalse();
        assertThat(asked).doesNotContain(FaceGuidance.NONE);
        // Each unanswered prompt times out and starts over, until the try has used its starts.
        assertThat(asked.subList(0, 40)).containsAnyOf(FaceGuidance.TURN_LEFT, FaceGuidance.TURN_RIGHT);
        assertThat(asked.get(asked.size() - 1)).isEqualTo(FaceGuidance.FACE_FRONT);
    }

    /**
     * The worst replay: a recording of the card holder turning left and back every 0.8 s. It passes only when the
     * random sides happen to be left three times and its turns fall in the windows; motion liveness alone passes
     * it every time.
     */
    @Test
    void aReplayThatKeepsTurningPassesOnlyByChance() {
        int passes = 0;
        int tries = 200;
        for (int seed = 0; seed < tries; seed++) {
            HeadTurnChallenge challenge = new HeadTurnChallenge(new SplittableRandom(seed));
            long now = seed * 7_777_777L;
            for (int i = 0; i < 120 && !challenge.passed(); i++) {
                boolean turned = (i / 12) % 2 == 1;
                challenge.offer((turned ? left : right).get(i % right.size()), now += FRAME_NANOS);
            }
            passes += challenge.passed() ? 1 : 0;
        }
        System.out.printf("head-turn challenge: a replay that turns left and back every 0.8 s passed %d of %d"
                + " eight-second tries%n", passes, tries);
        assertThat(passes).isLessThan(tries / 4);
    }

    /** Someone who does what the screen asks, about half a second later. */
    private static final class Person {
        private final List<DetectedFace> front;
        private final List<DetectedFace> turned;
        final List<FaceGuidance> asked = new ArrayList<>();

        /** @param turned the same head turned the way it will be asked to turn */
        Person(List<DetectedFace> front, List<DetectedFace> turned) {
            this.front = front;
            this.turned = turned;
        }

        FaceGuidance follow(HeadTurnChallenge challenge, int frames) {
            Deque<FaceGuidance> seen = new ArrayDeque<>();
            FaceGuidance prompt = FaceGuidance.FACE_FRONT;
            long now = 0;
            for (int i = 0; i < frames; i++) {
                // Reacts to what was shown 7 frames (about 0.47 s) ago.
                FaceGuidance doing = seen.size() < 7 ? FaceGuidance.FACE_FRONT : seen.removeFirst();
                boolean turn = doing == FaceGuidance.TURN_LEFT || doing == FaceGuidance.TURN_RIGHT;
                prompt = challenge.offer((turn ? turned : front).get(i % front.size()), now += FRAME_NANOS);
                seen.addLast(prompt);
                if (asked.isEmpty() || asked.get(asked.size() - 1) != prompt) {
                    asked.add(prompt);
                }
                if (prompt == FaceGuidance.NONE) {
                    return prompt;
                }
            }
            return prompt;
        }
    }

    /** A random source that gives these sides in turn (true = left), then left. */
    static RandomGenerator sides(boolean... lefts) {
        return new RandomGenerator() {
            private int next;

            @Override
            public boolean nextBoolean() {
                return next < lefts.length ? lefts[next++] : true;
            }

            @Override
            public long nextLong() {
                throw new AssertionError("the challenge only draws sides");
            }
        };
    }

    private List<DetectedFace> moving(BufferedImage still) {
        List<DetectedFace> faces = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            faces.add(detector.detect(NaturalMotion.frame(still, i)).get(0));
        }
        return faces;
    }

    private static double[] range(List<DetectedFace> faces) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (DetectedFace f : faces) {
            double v = HeadTurnChallenge.noseCoordinate(f);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    static BufferedImage mirror(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
