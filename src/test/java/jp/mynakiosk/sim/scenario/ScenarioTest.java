package jp.mynakiosk.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.mynakiosk.flow.Journey;
import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.TakeCard;
import jp.mynakiosk.flow.EndReason;
import jp.mynakiosk.sim.SimulatedNetwork;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void everyShippedScenarioParses() throws IOException, ScenarioException {
        try (Stream<Path> files = Files.list(Path.of("hardware-sim/scenarios"))) {
            List<Path> scenarios = files.filter(f -> f.toString().endsWith(".scenario")).toList();
            assertThat(scenarios).hasSizeGreaterThanOrEqualTo(5);
            for (Path file : scenarios) {
                assertThat(Scenario.load(file).steps()).as(file.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void stepsAreReadWithTheirArguments() throws ScenarioException {
        Scenario s = Scenario.parse("t", "t.scenario", List.of(
                "# comment", "", "expect EnterPin triesLeft=2 within 3", "tap pinPad.ok", "pin 1234",
                "insert yamada-hanako", "remove", "camera astronaut.png", "wait 10", "camera-photo astronaut.png",
                "network loses-answers"));
        assertThat(s.steps()).containsExactly(
                new Step.Expect(3, "EnterPin", Map.of("triesLeft", "2"), Duration.ofSeconds(3)),
                new Step.Tap(4, "pinPad.ok"),
                new Step.EnterPin(5, "1234"),
                new Step.Insert(6, "yamada-hanako"),
                new Step.Remove(7),
                new Step.Camera(8, "astronaut.png", false),
                new Step.Pause(9, Duration.ofMillis(10)),
                new Step.Camera(10, "astronaut.png", true),
                new Step.Network(11, SimulatedNetwork.Condition.LOSES_ANSWERS));
    }

    @Test
    void aBadLineNamesTheFileAndLine() {
        assertThatThrownBy(() -> Scenario.parse("t", "t.scenario", List.of("tap a", "jump high")))
                .hasMessageContaining("t.scenario:2").hasMessageContaining("unknown step 'jump'");
        assertThatThrownBy(() -> Scenario.parse("t", "t.scenario", List.of("pin 12ab")))
                .hasMessageContaining("t.scenario:1").hasMessageContaining("digits");
        assertThatThrownBy(() -> Scenario.parse("t", "t.scenario", List.of("expect EnterPin soon")))
                .hasMessageContaining("field=value");
        assertThatThrownBy(() -> Scenario.parse("t", "t.scenario", List.of("network flaky")))
                .hasMessageContaining("t.scenario:1").hasMessageContaining("up, down, loses-answers or loses-all-answers");
        assertThatThrownBy(() -> Scenario.parse("t", "t.scenario", List.of("# nothing")))
                .hasMessageContaining("no steps");
    }

    @Test
    void expectationsMatchTheStateNameAndFields() throws ScenarioException {
        Step.Expect expect = (Step.Expect) Scenario.parse("t", "t", List.of("expect EnterPin triesLeft=2")).steps().get(0);
        assertThat(ScenarioRunner.matches(new EnterPin(Journey.REGISTER_INSURANCE_USE, 2, true), expect)).isTrue();
        assertThat(ScenarioRunner.matches(new EnterPin(Journey.REGISTER_INSURANCE_USE, 3, false), expect)).isFalse();
        assertThat(ScenarioRunner.matches(new TakeCard(EndReason.PIN_LOCKED, false), expect)).isFalse();
    }
}
