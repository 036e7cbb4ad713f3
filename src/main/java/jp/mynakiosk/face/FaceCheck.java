package jp.mynakiosk.face;

import java.awt.image.BufferedImage;

/**
 * One face step: the card photo's embedding, made once, compared with camera frames one after another. A
 * frame matches only when it is good, similar enough, and the matching face has moved naturally across
 * frames ({@link LivenessTracker}): a still photo fed as video never matches. Holds a biometric template:
 * {@link #close()} wipes it at the end of the step. Not thread-safe: one check per session thread.
 */
public final class FaceCheck implements AutoCloseable {
    private final FaceMatcher matcher;
    private final FaceTemplate card;
    private final MatchOutcome cardProblem;
    private final LivenessTracker liveness = new LivenessTracker();

    FaceCheck(FaceMatcher matcher, FaceTemplate card, MatchOutcome cardProblem) {
        this.matcher = matcher;
        this.card = card;
        this.cardProblem = cardProblem;
    }

    /** Compares the next frame; MATCH once the face is the card holder's and has been seen to move. */
    public MatchResult offer(BufferedImage frame) {
        if (card == null) {
            return MatchResult.notCompared(cardProblem, FaceGuidance.NONE);
        }
        FaceMatcher.FrameFace seen = matcher.examine(frame);
        if (seen.embedding().isEmpty()) {
            liveness.reset();
            return MatchResult.notCompared(seen.outcome(), seen.guidance());
        }
        double similarity = matcher.similarity(card, seen.embedding().get());
        seen.embedding().get().wipe();
        if (similarity < matcher.threshold()) {
            liveness.reset();
            return new MatchResult(MatchOutcome.NO_MATCH, similarity, FaceGuidance.NONE);
        }
        liveness.add(seen.alignedGrey());
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
    }

    @Override
    public String toString() {
        return "FaceCheck[card template redacted]";
    }
}
