package jp.mynakiosk.flow;

import java.util.function.Consumer;

/** Where an effect reports what came of it, as events for the session that asked for it. */
public interface EffectResults extends Consumer<SessionEvent> {
    /**
     * False once the session that asked for the effect has been cleared (the user cancelled, timed out or took the
     * card). Its results would be dropped by then, so a long effect such as the face check stops early instead of
     * holding up the next session's effects.
     */
    boolean sessionGoesOn();
}
