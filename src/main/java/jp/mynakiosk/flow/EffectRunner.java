package jp.mynakiosk.flow;

/**
 * Does the work an {@link Effect} asks for, against the devices and services, and reports what came of it as
 * events. Called on the controller's effect thread, one effect at a time; it may block on I/O, and a long one
 * should stop when {@link EffectResults#sessionGoesOn()} turns false.
 */
public interface EffectRunner {
    void run(Effect effect, EffectResults results);
}
