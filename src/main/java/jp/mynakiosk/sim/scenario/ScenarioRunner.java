package jp.mynakiosk.sim.scenario;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.mynakiosk.flow.SessionState;

/**
 * Plays a {@link Scenario} against a running kiosk and says whether every expectation held. States are
 * recorded as they happen, so an expectation also sees a state that lasted only milliseconds.
 */
public final class ScenarioRunner {

    private static final Duration TAP_WAIT = Duration.ofSeconds(10);

    private final ScenarioWorld world;
    private final PrintStream out;
    private final List<SessionState> seen = new ArrayList<>();
    private int cursor;

    public ScenarioRunner(ScenarioWorld world, PrintStream out) {
        this.world = world;
        this.out = out;
    }

    /** Called by the kiosk on every state change, on any thread. */
    public void stateEntered(SessionState state) {
        synchronized (seen) {
            seen.add(state);
            seen.notifyAll();
        }
    }

    /** Runs every step; returns true when all held. Prints one line per failure and a closing line. */
    public boolean run(Scenario scenario) throws InterruptedException {
        synchronized (seen) {
            if (seen.isEmpty()) {
                seen.add(world.state());
            }
        }
        int done = 0;
        for (Step step : scenario.steps()) {
            try {
                perform(step);
                done++;
            } catch (ScenarioException failure) {
                out.println("FAILED " + scenario.name() + " line " + step.line() + ": " + failure.getMessage());
                out.println("scenario " + scenario.name() + ": failed after " + done + " of "
                        + scenario.steps().size() + " steps");
                return false;
            }
        }
        out.println("scenario " + scenario.name() + ": " + done + " steps, every expectation held");
        return true;
    }

    private void perform(Step step) throws ScenarioException, InterruptedException {
        if (step instanceof Step.Expect expect) {
            awaitState(expect);
        } else if (step instanceof Step.Tap tap) {
            tap(tap.component());
        } else if (step instanceof Step.EnterPin pin) {
            for (char digit : pin.digits().toCharArray()) {
                tap("pinPad.key." + digit);
            }
            tap("pinPad.ok");
        } else if (step instanceof Step.Insert insert) {
            world.insertCard(insert.card());
        } else if (step instanceof Step.Remove) {
            world.removeCard();
        } else if (step instanceof Step.Camera camera) {
            if (camera.photoHeldUp()) {
                world.showPhotoHeldUp(camera.image());
            } else {
                world.showCamera(camera.image());
            }
        } else if (step instanceof Step.Network network) {
            world.setNetwork(network.condition());
        } else if (step instanceof Step.Pause pause) {
            Thread.sleep(pause.duration().toMillis());
        }
    }

    private void tap(String component) throws ScenarioException, InterruptedException {
        long deadline = System.nanoTime() + TAP_WAIT.toNanos();
        while (!world.tap(component)) {
            if (System.nanoTime() > deadline) {
                throw new ScenarioException("no visible, enabled control named '" + component + "' within "
                        + TAP_WAIT.toSeconds() + " s; the state is " + world.state());
            }
            Thread.sleep(50);
        }
    }

    private void awaitState(Step.Expect expect) throws ScenarioException, InterruptedException {
        long deadline = System.nanoTime() + expect.within().toNanos();
        synchronized (seen) {
            while (true) {
                for (int i = cursor; i < seen.size(); i++) {
                    if (matches(seen.get(i), expect)) {
                        cursor = i + 1;
                        return;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ScenarioException("expected " + describe(expect) + " within "
                            + expect.within().toSeconds() + " s, but the states were " + seen.subList(cursor, seen.size())
                            + " and the state is " + world.state());
                }
                seen.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    static boolean matches(SessionState state, Step.Expect expect) {
        if (!state.getClass().getSimpleName().equals(expect.state())) {
            return false;
        }
        for (Map.Entry<String, String> field : expect.fields().entrySet()) {
            String actual = fieldValue(state, field.getKey());
            if (!field.getValue().equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static String fieldValue(Object state, String name) {
        for (RecordComponent component : state.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return String.valueOf(component.getAccessor().invoke(state));
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String describe(Step.Expect expect) {
        return expect.state() + (expect.fields().isEmpty() ? "" : " " + expect.fields());
    }
}
