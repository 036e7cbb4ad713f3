package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import jp.mynakiosk.sim.scenario.Scenario;
import jp.mynakiosk.sim.scenario.ScenarioException;
import jp.mynakiosk.sim.scenario.ScenarioRunner;

/**
 * {@code --scenario FILE}: starts the kiosk with its real frame on the simulator, on fresh databases, plays
 * the scenario, prints one line per state change, and answers 0 when every expectation held.
 */
final class ScenarioMode {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private ScenarioMode() {
    }

    static int run(Path scenarioFile, Path profile, PrintStream out) throws InterruptedException {
        Scenario scenario;
        try {
            scenario = Scenario.load(scenarioFile);
        } catch (ScenarioException e) {
            out.println("scenario file error: " + e.getMessage());
            return BAD_INPUT;
        }
        Path data;
        try {
            data = Files.createTempDirectory("myna-kiosk-scenario-");
        } catch (IOException e) {
            out.println("cannot create a temporary data folder: " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            KioskConfig config = KioskConfig.load(profile).withDataDir(data);
            return play(scenario, config, out);
        } catch (ConfigException e) {
            out.println("start-up error: " + e.getMessage());
            return BAD_INPUT;
        } finally {
            deleteTree(data);
        }
    }

    private static int play(Scenario scenario, KioskConfig config, PrintStream out) throws InterruptedException {
        out.println("scenario " + scenario.name() + " (profile " + config.source() + ")");
        try (Kiosk kiosk = Kiosk.assemble(config)) {
            ScenarioRunner runner = new ScenarioRunner(new KioskScenarioWorld(kiosk), out);
            long started = System.nanoTime();
            kiosk.addObserver((from, event, to) -> {
                out.printf("%8.3f s  %-14s <- %s%n", (System.nanoTime() - started) / 1e9,
                        to.getClass().getSimpleName(), event.getClass().getSimpleName() + describe(to));
                runner.stateEntered(to);
            });
            kiosk.showScreen();
            return runner.run(scenario) ? PASSED : FAILED;
        }
    }

    /**
     * The state's fields that a scenario can expect: numbers, flags and enums. Names, dates, insurers and consent
     * answers are left out of the transcript, which may be kept as a QA log.
     */
    static String describe(Object state) {
        StringBuilder text = new StringBuilder();
        if (!state.getClass().isRecord()) {
            return "";
        }
        for (java.lang.reflect.RecordComponent component : state.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            if (!(type.isPrimitive() || type.isEnum())) {
                continue;
            }
            try {
                text.append(text.length() == 0 ? "  " : ", ").append(component.getName()).append('=')
                        .append(component.getAccessor().invoke(state));
            } catch (ReflectiveOperationException e) {
                text.append(component.getName()).append("=?");
            }
        }
        return text.toString();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans up what is left
        }
    }
}
