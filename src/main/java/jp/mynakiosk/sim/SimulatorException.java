package jp.mynakiosk.sim;

/** The simulated world cannot be set up or told what to do; the message names the file or the item. */
public final class SimulatorException extends Exception {
    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
