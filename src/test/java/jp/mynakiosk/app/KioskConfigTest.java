package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynakiosk.face.LivenessMode;
import jp.mynakiosk.flow.FacePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskConfigTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedProfileLoads() {
        KioskConfig sim = KioskConfig.load(Path.of("kiosk-config/sim.properties"));
        assertThat(sim.hardware()).isEqualTo(KioskConfig.Hardware.SIM);
        assertThat(sim.simulator().cardReader()).isEqualTo(KioskConfig.SimCardReader.INPROCESS);
        assertThat(sim.screen().fullScreen()).isFalse();
        assertThat(sim.eligibility().seedFile()).contains(Path.of("hardware-sim/insurance/insured-persons.csv"));

        KioskConfig qa = KioskConfig.load(Path.of("kiosk-config/qa.properties"));
        assertThat(qa.simulator().controlPanel()).isFalse();
        assertThat(qa.timeouts().idle()).isLessThan(sim.timeouts().idle());

        KioskConfig store = KioskConfig.load(Path.of("kiosk-config/store.properties"));
        assertThat(store.hardware()).isEqualTo(KioskConfig.Hardware.REAL);
        assertThat(store.screen().fullScreen()).isTrue();
        assertThat(store.face().afterLastFailure()).isEqualTo(FacePolicy.CALL_ATTENDANT);
    }

    @Test
    void aBadValueNamesTheFileTheKeyTheValueAndWhatWasExpected() throws IOException {
        Path file = profile("kiosk.id=K1\nface.threshold=high\n");
        assertThatThrownBy(() -> KioskConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("face.threshold")
                .hasMessageContaining("'high'")
                .hasMessageContaining("a number from 0.0 to 1.0");
    }

    @Test
    void aTypoInAKeyIsRefused() throws IOException {
        Path file = profile("kiosk.id=K1\nface.treshold=0.5\n");
        assertThatThrownBy(() -> KioskConfig.load(file)).hasMessageContaining("face.treshold");
    }

    @Test
    void anUnknownPolicyListsTheChoices() throws IOException {
        Path file = profile("kiosk.id=K1\nface.afterLastFailure=shrug\n");
        assertThatThrownBy(() -> KioskConfig.load(file))
                .hasMessageContaining("pin-only, call-attendant, abort");
    }

    @Test
    void livenessIsMotionUnlessTheProfileAsksForTheChallenge() throws IOException {
        assertThat(KioskConfig.load(profile("kiosk.id=K1\n")).face().liveness()).isEqualTo(LivenessMode.MOTION);
        assertThat(KioskConfig.load(profile("kiosk.id=K1\nface.liveness=challenge\nface.captureMillis=8000\n"))
                .face().liveness()).isEqualTo(LivenessMode.CHALLENGE);
        assertThatThrownBy(() -> KioskConfig.load(profile("kiosk.id=K1\nface.liveness=challenge\n")))
                .hasMessageContaining("face.captureMillis").hasMessageContaining("4000")
                .hasMessageContaining("at least 8000 with face.liveness=challenge");
        assertThatThrownBy(() -> KioskConfig.load(profile("kiosk.id=K1\nface.liveness=blink\n")))
                .hasMessageContaining("face.liveness").hasMessageContaining("motion, challenge");
    }

    @Test
    void realHardwareNeedsATrustAnchor() throws IOException {
        Path file = profile("kiosk.id=K1\nhardware=real\n");
        assertThatThrownBy(() -> KioskConfig.load(file)).hasMessageContaining("eligibility.trustAnchor");
    }

    @Test
    void aMissingKioskIdOrFileIsClear() throws IOException {
        assertThatThrownBy(() -> KioskConfig.load(profile("hardware=sim\n"))).hasMessageContaining("kiosk.id");
        assertThatThrownBy(() -> KioskConfig.load(dir.resolve("nope.properties"))).hasMessageContaining("not found");
    }

    private Path profile(String text) throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
