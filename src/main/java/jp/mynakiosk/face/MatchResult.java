package jp.mynakiosk.face;

/**
 * The outcome of one comparison and the similarity behind it (0..1, higher is more alike).
 * The similarity is NaN when no two faces were compared (every outcome but MATCH and NO_MATCH).
 */
public record MatchResult(MatchOutcome outcome, double similarity) {
    public MatchResult {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        boolean compared = outcome == MatchOutcome.MATCH || outcome == MatchOutcome.NO_MATCH;
        if (compared == Double.isNaN(similarity)) {
            throw new IllegalArgumentException(outcome + " must " + (compared ? "" : "not ") + "carry a similarity");
        }
    }

    static MatchResult notCompared(MatchOutcome outcome) {
        return new MatchResult(outcome, Double.NaN);
    }

    public boolean matched() {
        return outcome == MatchOutcome.MATCH;
    }
}
