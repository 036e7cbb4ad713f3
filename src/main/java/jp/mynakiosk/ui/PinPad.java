package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.InputMap;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRootPane;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;

import jp.mynakiosk.flow.EnterPin;
import jp.mynakiosk.flow.SessionEvent;

/**
 * The on-screen PIN pad: four masked boxes, digit keys in a 3×4 grid, Clear (one digit back) and OK (only
 * with four digits). The digits live only in a {@code char[]}; a submit hands a copy to the intent sink and
 * wipes the pad's own buffer, and {@link #wipe()} clears it whenever the screen goes away.
 */
final class PinPad extends JPanel {

    private static final String ACTION_PREFIX = "pinPad.";

    private final char[] digits = new char[EnterPin.PIN_LENGTH];
    private int count;
    private final Consumer<SessionEvent> intents;
    private final JLabel[] boxes = new JLabel[EnterPin.PIN_LENGTH];
    private final JButton ok;
    private final List<KeyStroke> boundKeys = new ArrayList<>();

    PinPad(ScreenContext context) {
        super(new BorderLayout(0, context.look().px(20)));
        this.intents = context.intents();
        Look look = context.look();
        setName(ComponentNames.PIN_PAD);
        setOpaque(false);

        JPanel boxRow = Widgets.clear(new FlowLayout(FlowLayout.CENTER, look.px(14), 0));
        for (int i = 0; i < boxes.length; i++) {
            JLabel box = new JLabel("", SwingConstants.CENTER);
            box.setName(ComponentNames.pinPadBox(i));
            box.setFont(look.font(Font.BOLD, 40));
            box.setForeground(Palette.INK);
            box.setOpaque(true);
            box.setBackground(Color.WHITE);
            box.setBorder(BorderFactory.createLineBorder(Palette.INK, Math.max(2, look.px(3))));
            box.setPreferredSize(new Dimension(look.px(84), look.px(84)));
            boxes[i] = box;
            boxRow.add(box);
        }
        add(boxRow, BorderLayout.NORTH);

        int gap = look.px(10);
        JPanel keys = Widgets.clear(new GridLayout(4, 3, gap, gap));
        for (int digit = 1; digit <= 9; digit++) {
            keys.add(digitKey(digit, look));
        }
        JButton clear = Widgets.secondary(context.text("pinPad.clear"), ComponentNames.PIN_PAD_CLEAR, look,
                this::removeLast);
        keys.add(clear);
        keys.add(digitKey(0, look));
        ok = Widgets.primary(context.text("pinPad.ok"), ComponentNames.PIN_PAD_OK, look, this::submit);
        keys.add(ok);
        for (Component key : keys.getComponents()) {
            JButton button = (JButton) key;
            button.setMargin(new Insets(0, look.px(4), 0, look.px(4)));
            button.setPreferredSize(new Dimension(look.px(150), look.px(86)));
        }
        add(keys, BorderLayout.CENTER);
        refresh();
    }

    private JButton digitKey(int digit, Look look) {
        JButton key = Widgets.secondary(String.valueOf(digit), ComponentNames.pinPadKey(digit), look,
                () -> append((char) ('0' + digit)));
        key.setFont(look.font(Font.BOLD, 40));
        return key;
    }

    void append(char digit) {
        if (digit < '0' || digit > '9' || count == digits.length) {
            return;
        }
        digits[count++] = digit;
        refresh();
    }

    void removeLast() {
        if (count == 0) {
            return;
        }
        digits[--count] = '\0';
        refresh();
    }

    void submit() {
        if (count != digits.length) {
            return;
        }
        char[] copy = Arrays.copyOf(digits, count);
        wipe();
        intents.accept(new SessionEvent.PinSubmitted(copy));
    }

    /** Forgets every digit entered. */
    void wipe() {
        Arrays.fill(digits, '\0');
        count = 0;
        refresh();
    }

    int enteredCount() {
        return count;
    }

    /** For tests: true when no digit is left in the pad's own buffer. */
    boolean bufferWiped() {
        for (char c : digits) {
            if (c != '\0') {
                return false;
            }
        }
        return count == 0;
    }

    private void refresh() {
        for (int i = 0; i < boxes.length; i++) {
            boxes[i].setText(i < count ? "\u25CF" : "");
            boxes[i].setBackground(i == count ? Palette.SURFACE : Color.WHITE);
        }
        ok.setEnabled(count == digits.length);
    }

    /** Physical digit keys, Backspace and Enter, for as long as the pad is shown. */
    void bindKeys(JRootPane rootPane) {
        InputMap inputs = rootPane.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        for (int digit = 0; digit <= 9; digit++) {
            char c = (char) ('0' + digit);
            Runnable press = () -> append(c);
            bind(rootPane, inputs, KeyStroke.getKeyStroke(KeyEvent.VK_0 + digit, 0), "digit" + digit, press);
            bind(rootPane, inputs, KeyStroke.getKeyStroke(KeyEvent.VK_NUMPAD0 + digit, 0), "digit" + digit, press);
        }
        bind(rootPane, inputs, KeyStroke.getKeyStroke(KeyEvent.VK_BACK_SPACE, 0), "clear", this::removeLast);
        bind(rootPane, inputs, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "ok", this::submit);
    }

    void unbindKeys(JRootPane rootPane) {
        InputMap inputs = rootPane.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW);
        for (KeyStroke key : boundKeys) {
            Object action = inputs.get(key);
            inputs.remove(key);
            if (action != null) {
                rootPane.getActionMap().remove(action);
            }
        }
        boundKeys.clear();
    }

    private void bind(JRootPane rootPane, InputMap inputs, KeyStroke key, String name, Runnable action) {
        String actionKey = ACTION_PREFIX + name;
        inputs.put(key, actionKey);
        rootPane.getActionMap().put(actionKey, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent event) {
                action.run();
            }
        });
        boundKeys.add(key);
    }
}
