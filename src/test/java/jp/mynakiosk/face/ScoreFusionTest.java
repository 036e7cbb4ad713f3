package jp.mynakiosk.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreFusionTest {
    private static final ScoreFusion.Norm FACERES = new ScoreFusion.Norm(0.36, 0.09);
    private static final ScoreFusion.Norm DLIB = new ScoreFusion.Norm(0.83, 0.04);

    /** Two unit templates whose FaceRes cosine is {@code faceRes} and dlib cosine {@code dlib}. */
    private static FaceTemplate[] pair(double faceRes, double dlib) {
        return new FaceTemplate[] {
                new FaceTemplate(new float[] {1, 0}, new float[] {1, 0}),
                new FaceTemplate(new float[] {(float) faceRes, (float) Math.sqrt(1 - faceRes * faceRes)},
                        new float[] {(float) dlib, (float) Math.sqrt(1 - dlib * dlib)})};
    }

    @Test
    void withFaceResWeightOneTheScoreIsFaceResCosine() {
        ScoreFusion fusion = new ScoreFusion(1, FACERES, DLIB, 1);
        FaceTemplate[] p = pair(0.61, 0.2);
        assertThat(fusion.similarity(p[0], p[1])).isCloseTo(0.61, within(1e-6));
    }

    @Test
    void anImpostorTypicalForBothNetworksScoresTheFaceResImpostorMean() {
        ScoreFusion fusion = new ScoreFusion(0.15, FACERES, DLIB, 0.93);
        FaceTemplate[] p = pair(0.36, 0.83);
        assertThat(fusion.similarity(p[0], p[1])).isCloseTo(0.36, within(1e-6));
    }

    @Test
    void zScoresAreWeightedAndPutOnFaceResScale() {
        ScoreFusion fusion = new ScoreFusion(0.25, FACERES, DLIB, 0.8);
        FaceTemplate[] p = pair(0.36 + 2 * 0.09, 0.83 + 4 * 0.04); // z = 2 and 4
        double z = 0.25 * 2 + 0.75 * 4;
        assertThat(fusion.similarity(p[0], p[1])).isCloseTo(0.36 + z / 0.8 * 0.09, within(1e-5));
    }

    @Test
    void theScoreStaysWithinMinusOneToOne() {
        ScoreFusion fusion = new ScoreFusion(0.15, FACERES, DLIB, 0.2); // identical faces: z 4.7, 2.1 unclamped
        FaceTemplate[] far = pair(0, -1);
        FaceTemplate[] same = pair(1, 1);
        assertThat(fusion.similarity(far[0], far[1])).isEqualTo(-1);
        assertThat(fusion.similarity(same[0], same[1])).isEqualTo(1);
    }

    @Test
    void nonsenseParametersAreRefused() {
        assertThatThrownBy(() -> new ScoreFusion(1.5, FACERES, DLIB, 1)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new ScoreFusion(0.5, FACERES, DLIB, 0)).hasMessageContaining("fused spread");
        assertThatThrownBy(() -> new ScoreFusion.Norm(0.3, 0)).hasMessageContaining("spread");
    }

    @Test
    void aTemplatePrintsNothingAndWipesToZero() {
        FaceTemplate t = new FaceTemplate(new float[] {0.6f, 0.8f}, new float[] {0.8f, 0.6f});
        assertThat(t.toString()).doesNotContain("0.").contains("redacted");
        t.wipe();
        assertThat(t.faceRes()).containsOnly(0f);
        assertThat(t.dlib()).containsOnly(0f);
    }
}
