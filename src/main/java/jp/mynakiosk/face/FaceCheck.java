package jp.mynakiosk.face;

import java.awt.image.BufferedImage;
import java.util.function.LongSupplier;

/**
 * One face step: the card photo's embedding, made once, compared with camera frames one after another. A
 * frame matches only when it is good, similar enough, and the matching face has moved naturally across
 * frames ({@link LivenessTracker}): a still photo fed as video never matches. With a {@link HeadTurnChallenge}
 * the face must also have turned to the sides it was asked for, which a replayed video does not do on cue.
 * Holds a biometric template: {@link #close()} wipes it at the end of the step. Not thread-safe: one check per
 * session thread.
 */
public final class FaceCheck implements AutoCloseable {
    /**
     * How far below the threshold a card holder's turned head may score and still be followed through the
     * challenge: one spread of the fused impostor scores (0.09), far above someone else's (0.3-0.4). person-b's
     * head turned (her photo mirrored) scores 0.675-0.710, against a threshold of 0.60.
     */
    static final double TURNED_HEAD_ALLOWANCE = 0.09;

    private final FaceMatcher matcher;
    private final FaceTemplate card;
    private final MatchOutcome cardProblem;
    private final LivenessTracker liveness = new LivenessTracker();
    private final HeadTurnChallenge challenge;
    private final LongSupplier nanoClock;

    /**
     * @param challenge the head turns to ask for, or null for motion alone
     * @param nanoClock a monotonic clock in nanoseconds (System::nanoTime), for the challenge's time window
     */
    FaceCheck(FaceMatcher matcher, FaceTemplate card, MatchOutcome cardProblem, HeadTurnChallenge challenge,
              LongSupplier nanoClock) {
        this.matcher = matcher;
        this.card = card;
        this.cardProblem = cardProblem;
        this.challenge = challenge;
        this.nanoClock = nanoClock;
    }

    /** Compares the next frame; MATCH once the face is the card holder's and has shown it is alive. */
    public MatchResult offer(BufferedImage frame) {
        if (card == null) {
            return MatchResult.notCompared(cardProblem, FaceGuidance.NONE);
        }
        if (challenge != null && challenge.exhausted()) {
            return MatchResult.notCompared(MatchOutcome.TURNS_NOT_MADE, FaceGuidance.NONE);
        }
        FaceMatcher.FrameFace seen = matcher.examine(frame);
        if (seen.embedding().isEmpty()) {
            // Not offered to the challenge either: a frame without one clear face shows nobody's turn.
            liveness.reset();
            return MatchResult.notCompared(seen.outcome(), seen.guidance());
        }
        double similarity = matcher.similarity(card, seen.embedding().get());
        seen.embedding().get().wipe();
        boolean similar = similarity >= matcher.threshold();
        if (similar) {
            liveness.add(seen.alignedGrey());
        } else {
            liveness.reset();
        }
        // Someone else (not even the card holder turned) is never offered to the challenge: their turns must not count
        // for the holder, and a passer-by must not cost the holder the rounds made so far.
        boolean holder = similarity >= matcher.threshold() - TURNED_HEAD_ALLOWANCE;
        if (challenge != null && (similar || challenge.started() && holder)) {
            // A turned head compares a little less well: once asked, the card holder is followed through such frames.
            FaceGuidance prompt = challenge.offer(seen.face(), nanoClock.getAsLong());
            if (!similar) {
                return new MatchResult(MatchOutcome.NO_MATCH, similarity,
                        prompt == FaceGuidance.NONE ? seen.guidance() : prompt);
            }
            if (prompt != FaceGuidance.NONE) {
                return new MatchResult(MatchOutcome.NOT_LIVE_YET, similarity, prompt);
            }
        }
        if (!similar) {
            return new MatchResult(MatchOutcome.NO_MATCH, similarity, seen.guidance());
        }
        return liveness.live()
                ? new MatchResult(MatchOutcome.MATCH, similarity, FaceGuidance.NONE)
                : new MatchResult(MatchOutcome.NOT_LIVE_YET, similarity, FaceGuidance.MOVE_A_LITTLE);
    }

    /** Largest non-rigid motion seen so far, in eye distances (for tests and tuning). */
    double motion() {
        return liveness.largestResidual();
    }

    @Override
    public void close() {
        if (card != null) {
            card.wipe();
        }
        liveness.reset();
        if (challenge != null) {
            challenge.reset();
        }
    }

    @Override
    public String toString() {
        return "FaceCheck[card template redacted]";
    }
}
