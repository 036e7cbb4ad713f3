package jp.mynakiosk.sim.scenario;

import java.time.Duration;
import java.util.Map;
import jp.mynakiosk.sim.SimulatedNetwork;

/** One line of a QA scenario. */
public sealed interface Step {

    /** The line in the scenario file, for messages. */
    int line();

    /** Wait until the session is in {@code state} (and each named field has the given value). */
    record Expect(int line, String state, Map<String, String> fields, Duration within) implements Step { }

    /** Press the on-screen control with this component name. */
    record Tap(int line, String component) implements Step { }

    /** Enter these digits on the PIN pad and press OK. */
    record EnterPin(int line, String digits) implements Step { }

    /** Insert the virtual card from this card file (name without .properties). */
    record Insert(int line, String card) implements Step { }

    /** Pull the card out of the reader. */
    record Remove(int line) implements Step { }

    /** Make the camera show this image from the faces folder (a live person), or hold it up as a still photo. */
    record Camera(int line, String image, boolean photoHeldUp) implements Step { }

    /** Put the line to the eligibility service in this condition. */
    record Network(int line, SimulatedNetwork.Condition condition) implements Step { }

    /** Do nothing for a while. */
    record Pause(int line, Duration duration) implements Step { }
}
