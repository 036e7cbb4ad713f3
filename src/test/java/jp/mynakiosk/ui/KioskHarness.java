package jp.mynakiosk.ui;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;

import jp.mynakiosk.flow.FacePolicy;
import jp.mynakiosk.flow.FlowSettings;
import jp.mynakiosk.flow.SessionEvent;
import jp.mynakiosk.flow.SessionState;

/** A visible 1280×800 kiosk frame driven by AssertJ-Swing, with the intents it sent collected in a list. */
final class KioskHarness {

    static final FlowSettings SETTINGS = new FlowSettings(3, FacePolicy.CALL_ATTENDANT);

    final List<SessionEvent> events = new CopyOnWriteArrayList<>();
    final KioskFrame frame;
    final FrameFixture window;

    private KioskHarness(PreviewSource preview) {
        frame = GuiActionRunner.execute(() -> {
            KioskTheme.install();
            return KioskFrame.windowed(new Dimension(1280, 800), SETTINGS, preview, events::add);
        });
        // Shown at (0, 0) by hand: AssertJ's show() puts windows at (100, 100), and xvfb-run's default screen
        // is 1280×1024, so the right edge of the kiosk would be off screen; moving it afterwards races with the
        // X server (clicks land on the frame at its old place).
        GuiActionRunner.execute(() -> {
            frame.setLocation(0, 0);
            frame.setVisible(true);
        });
        window = new FrameFixture(frame);
        window.requireVisible();
        window.robot().waitForIdle();
    }

    static KioskHarness open() {
        return new KioskHarness(PreviewSource.none());
    }

    static KioskHarness open(PreviewSource preview) {
        return new KioskHarness(preview);
    }

    void show(SessionState state) {
        GuiActionRunner.execute(() -> frame.show(state));
        window.robot().waitForIdle();
    }

    /** Taps the language toggle, as a user would. */
    void tapLanguage() {
        window.button(ComponentNames.COMMON_LANGUAGE).click();
    }

    /** Switches the language directly (quick, for sweeps over every screen). */
    void switchLanguage() {
        GuiActionRunner.execute(frame::switchLanguage);
    }

    Language language() {
        return GuiActionRunner.execute(frame::language);
    }

    /** Every text the frame shows, in component order. */
    List<String> texts() {
        return GuiActionRunner.execute(() -> {
            List<String> texts = new ArrayList<>();
            collect(frame.getContentPane(), texts);
            return texts;
        });
    }

    private static void collect(Container container, List<String> texts) {
        for (Component child : container.getComponents()) {
            if (!child.isVisible()) {
                continue;
            }
            String text = textOf(child);
            if (text != null) {
                texts.add(text);
            }
            if (child instanceof Container inner) {
                collect(inner, texts);
            }
        }
    }

    static String textOf(Component component) {
        if (component instanceof JLabel label) {
            return label.getText();
        }
        if (component instanceof AbstractButton button) {
            return button.getText();
        }
        if (component instanceof WrappedText wrapped) {
            return wrapped.getText();
        }
        if (component instanceof JTextComponent textComponent) {
            return textComponent.getText();
        }
        return null;
    }

    void close() {
        window.cleanUp();
    }
}
