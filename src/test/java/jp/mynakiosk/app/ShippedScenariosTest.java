package jp.mynakiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every scenario shipped in hardware-sim/scenarios runs on the real frame, as QA runs it, and holds. */
class ShippedScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioHolds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("hardware-sim/scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".scenario")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
                        int code;
                        try (PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8)) {
                            code = ScenarioMode.run(file, Path.of("kiosk-config/qa.properties"), out);
                        }
                        String text = transcript.toString(StandardCharsets.UTF_8);
                        System.out.print(text);
                        assertThat(code).as(text).isEqualTo(ScenarioMode.PASSED);
                        assertThat(text).contains("every expectation held");
                    }));
        }
    }

    @Test
    void aFailingExpectationExitsNonZeroWithTheLine() throws Exception {
        Path scenario = Files.createTempFile("failing", ".scenario");
        Files.writeString(scenario, "expect Attract\ntap attract.start\nexpect Done within 1\n");
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8)) {
            code = ScenarioMode.run(scenario, Path.of("kiosk-config/qa.properties"), out);
        }
        assertThat(code).isEqualTo(ScenarioMode.FAILED);
        assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("line 3").contains("expected Done");
        Files.delete(scenario);
    }

    @Test
    void aBrokenScenarioFileIsABadInput() throws Exception {
        Path scenario = Files.createTempFile("broken", ".scenario");
        Files.writeString(scenario, "fly away\n");
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8)) {
            code = ScenarioMode.run(scenario, Path.of("kiosk-config/qa.properties"), out);
        }
        assertThat(code).isEqualTo(ScenarioMode.BAD_INPUT);
        assertThat(transcript.toString(StandardCharsets.UTF_8)).contains(":1:").contains("unknown step 'fly'");
        Files.delete(scenario);
    }
}
