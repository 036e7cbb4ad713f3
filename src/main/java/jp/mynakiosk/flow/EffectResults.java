package jp.mynakiosk.flow;

import java.util.function.Consumer;

/** Where an effect reports what came of it, as events for the session that asked for it. */
public interface EffectResults extends Consumer<SessionEvent> {
    /**
     * False once the session that asked for the effect has ended for the user: the card was released (the user
     * cancelled, timed out, or the step failed) or the session was cleared. Nothing it finds can be used by then, so a
     * long effect such as the face check stops early instead of looking at whoever stands at the camera and holding
     * up the effects that follow (releasing the card, clearing the session's data).
     */
    boolean sessionGoesOn();
}
