package jp.mynakiosk.ui;

import javax.swing.JComponent;
import javax.swing.JRootPane;

/**
 * The body of one screen, built from one state snapshot. It paints and reports taps through the intent sink
 * of its {@link ScreenContext}; it never touches a device, the card or the database.
 */
public interface KioskScreen {

    /** The root panel, named {@code screen.<State>}. */
    JComponent root();

    /** Called once the root is in the frame (install key bindings here). */
    default void shown(JRootPane rootPane) {
    }

    /** Called when the screen is replaced: drop bindings, stop timers, wipe anything entered. */
    default void removed(JRootPane rootPane) {
    }
}
