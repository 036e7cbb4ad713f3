package jp.mynakiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import jp.mynakiosk.face.FaceGuidance;
import jp.mynakiosk.flow.FaceHint;
import jp.mynakiosk.ui.Language;
import jp.mynakiosk.ui.Messages;
import org.junit.jupiter.api.Test;

class FaceHintTest {

    @Test
    void everyGuidanceOfTheFaceCheckHasAHintOnScreen() {
        for (FaceGuidance guidance : FaceGuidance.values()) {
            assertThat(KioskEffects.hintFor(guidance).name()).isEqualTo(guidance.name());
        }
        assertThat(FaceHint.values()).hasSameSizeAs(FaceGuidance.values());
        assertThat(KioskEffects.hintFor(null)).isEqualTo(FaceHint.NONE);
    }

    @Test
    void everyHintIsWordedInEveryLanguage() {
        for (Language language : Language.values()) {
            for (FaceHint hint : FaceHint.values()) {
                if (hint != FaceHint.NONE) {
                    assertThat(Messages.of(language).keys()).contains("faceCapture.hint." + hint.name());
                }
            }
        }
    }
}
