package jp.mynakiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Dimension;

import org.junit.jupiter.api.Test;

class LookTest {

    @Test
    void sizesAreDesignedFor1280x800AndGrowWithTheScreen() {
        Look design = Look.forScreen(new Dimension(1280, 800), "Dialog");
        assertThat(design.body().getSize()).isEqualTo(28);
        assertThat(design.buttonHeight()).isEqualTo(96);

        Look fullHd = Look.forScreen(new Dimension(1920, 1080), "Dialog");
        assertThat(fullHd.scale()).isEqualTo(1.35);
        assertThat(fullHd.body().getSize()).isEqualTo(38);
        assertThat(fullHd.buttonHeight()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void aScaleMustBePositive() {
        assertThatThrownBy(() -> new Look(0, "Dialog")).hasMessageContaining("scale");
    }

    @Test
    void theFontFamilyIsOneThatIsInstalled() {
        String family = KioskTheme.fontFamily();
        assertThat(KioskTheme.PREFERRED_FAMILIES.contains(family) || KioskTheme.FALLBACK_FAMILY.equals(family))
                .isTrue();
        assertThat(new java.awt.Font(family, java.awt.Font.PLAIN, 28).canDisplayUpTo("暗証番号を入力してください"))
                .as("Japanese glyphs in " + family).isEqualTo(-1);
    }
}
