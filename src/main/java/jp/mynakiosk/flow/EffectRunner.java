package jp.mynakiosk.flow;

import java.util.function.Consumer;

/**
 * Does the work an {@link Effect} asks for, against the devices and services, and reports what came of it as
 * events. Called on the controller's effect thread, one effect at a time; it may block on I/O.
 */
public interface EffectRunner {
    void run(Effect effect, Consumer<SessionEvent> results);
}
