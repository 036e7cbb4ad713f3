package jp.mynakiosk.flow;

import java.util.List;

/**
 * What a state does with an event: the next state and the effects the controller must run.
 * {@code ignored} marks an event the state deliberately does nothing with.
 */
public record Transition(SessionState next, List<Effect> effects, boolean ignored) {

    public Transition {
        effects = List.copyOf(effects);
    }

    public static Transition to(SessionState next, Effect... effects) {
        return new Transition(next, List.of(effects), false);
    }

    public static Transition ignore(SessionState current) {
        return new Transition(current, List.of(), true);
    }
}
