package jp.mynakiosk.face;

/**
 * The outcome of one comparison, the similarity behind it (the fused score of the face embeddings, see
 * {@link FaceMatcher#DEFAULT_THRESHOLD}; at or above the
 * threshold means the same person) and what the user could change. The similarity is NaN when no two faces
 * were compared (every outcome but MATCH, NO_MATCH and NOT_LIVE_YET).
 */
public record MatchResult(MatchOutcome outcome, double similarity, FaceGuidance guidance) {
    public MatchResult {
        if (outcome == null || guidance == null) {
            throw new IllegalArgumentException("outcome and guidance are required");
        }
        boolean compared = outcome == MatchOutcome.MATCH || outcome == MatchOutcome.NO_MATCH
                || outcome == MatchOutcome.NOT_LIVE_YET;
        if (compared == Double.isNaN(similarity)) {
            throw new IllegalArgumentException(outcome + " must " + (compared ? "" : "not ") + "carry a similarity");
        }
    }

    static MatchResult notCompared(MatchOutcome outcome, FaceGuidance guidance) {
        return new MatchResult(outcome, Double.NaN, guidance);
    }

    public boolean matched() {
        return outcome == MatchOutcome.MATCH;
    }
}
