package jp.mynakiosk.sim.scenario;

/** A scenario file cannot be read or a step cannot be carried out; the message names the file and line. */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }
}
