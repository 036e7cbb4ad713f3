package jp.mynakiosk.sim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.mynakiosk.sim.SimulatedNetwork;

/**
 * A QA scenario: a named list of steps read from a text file, one step a line (the format is documented in
 * hardware-sim/README.md). Parsing checks every line before anything runs.
 */
public record Scenario(String name, List<Step> steps) {

    static final Duration DEFAULT_WITHIN = Duration.ofSeconds(15);
    private static final int MAX_LINES = 10_000;

    public static Scenario load(Path file) throws ScenarioException {
        List<String> lines;
        try {
            if (Files.size(file) > 1_000_000) {
                throw new ScenarioException(file + ": too large for a scenario (over 1 MB)");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (lines.size() > MAX_LINES) {
            throw new ScenarioException(file + ": more than " + MAX_LINES + " lines");
        }
        String name = file.getFileName().toString().replaceFirst("\\.scenario$", "");
        return parse(name, file.toString(), lines);
    }

    static Scenario parse(String name, String source, List<String> lines) throws ScenarioException {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            steps.add(step(i + 1, text.split("\\s+"), source));
        }
        if (steps.isEmpty()) {
            throw new ScenarioException(source + ": no steps");
        }
        return new Scenario(name, List.copyOf(steps));
    }

    private static Step step(int line, String[] words, String source) throws ScenarioException {
        String where = source + ":" + line + ": ";
        String command = words[0];
        String[] args = Arrays.copyOfRange(words, 1, words.length);
        switch (command) {
            case "expect":
                return expect(line, args, where);
            case "tap":
                one(args, where, "tap COMPONENT-NAME");
                return new Step.Tap(line, args[0]);
            case "pin":
                one(args, where, "pin DIGITS");
                if (!args[0].matches("[0-9]{1,8}")) {
                    throw new ScenarioException(where + "pin takes 1 to 8 digits, got '" + args[0] + "'");
                }
                return new Step.EnterPin(line, args[0]);
            case "insert":
                one(args, where, "insert CARD-FILE-NAME");
                return new Step.Insert(line, args[0]);
            case "remove":
                if (args.length != 0) {
                    throw new ScenarioException(where + "remove takes nothing after it");
                }
                return new Step.Remove(line);
            case "camera":
                one(args, where, "camera IMAGE-FILE-NAME");
                return new Step.Camera(line, args[0], false);
            case "camera-photo":
                one(args, where, "camera-photo IMAGE-FILE-NAME");
                return new Step.Camera(line, args[0], true);
            case "network":
                one(args, where, "network up|down|loses-answers|loses-all-answers");
                return new Step.Network(line, SimulatedNetwork.Condition.ofWord(args[0]).orElseThrow(
                        () -> new ScenarioException(where + "network takes up, down, loses-answers or"
                                + " loses-all-answers, got '" + args[0] + "'")));
            case "wait":
                one(args, where, "wait MILLISECONDS");
                return new Step.Pause(line, Duration.ofMillis(number(args[0], where, 600_000)));
            default:
                throw new ScenarioException(where + "unknown step '" + command
                        + "' (expected expect, tap, pin, insert, remove, camera, camera-photo, network or wait)");
        }
    }

    private static Step expect(int line, String[] args, String where) throws ScenarioException {
        if (args.length == 0) {
            throw new ScenarioException(where + "expect needs a state name, e.g. 'expect EnterPin triesLeft=2'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Duration within = DEFAULT_WITHIN;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("within") && i + 1 < args.length) {
                within = Duration.ofSeconds(number(args[++i], where, 600));
            } else if (args[i].matches("[A-Za-z]+=.+")) {
                int eq = args[i].indexOf('=');
                fields.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            } else {
                throw new ScenarioException(where + "expected field=value or 'within SECONDS', got '" + args[i] + "'");
            }
        }
        return new Step.Expect(line, args[0], Map.copyOf(fields), within);
    }

    private static void one(String[] args, String where, String usage) throws ScenarioException {
        if (args.length != 1) {
            throw new ScenarioException(where + "expected '" + usage + "'");
        }
    }

    private static long number(String text, String where, long max) throws ScenarioException {
        try {
            long n = Long.parseLong(text);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(where + "expected a whole number from 0 to " + max + ", got '" + text + "'");
    }
}
