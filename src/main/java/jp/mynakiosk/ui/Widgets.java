package jp.mynakiosk.ui;

import com.formdev.flatlaf.FlatClientProperties;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Insets;
import java.awt.LayoutManager;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** The few building blocks every screen uses: big buttons and large wrapped text. */
final class Widgets {

    private Widgets() {
    }

    /** The main action of a screen: filled blue, white bold text. */
    static JButton primary(String text, String name, Look look, Runnable action) {
        return button(text, name, look, action, Palette.PRIMARY, Palette.PRIMARY_INK, Palette.PRIMARY_PRESSED);
    }

    /** The other choice: white with a blue outline. */
    static JButton secondary(String text, String name, Look look, Runnable action) {
        return button(text, name, look, action, Color.WHITE, Palette.PRIMARY, Palette.SURFACE);
    }

    static JButton button(String text, String name, Look look, Runnable action, Color background, Color ink,
                          Color pressed) {
        JButton button = new JButton(text) {
            /** Never squeezed below its size: a layout short of room must not cut a button's words. */
            @Override
            public Dimension getMinimumSize() {
                return getPreferredSize();
            }
        };
        button.setName(name);
        button.setFont(look.button());
        button.setFocusable(false);
        button.putClientProperty(FlatClientProperties.STYLE, style(look, background, ink, pressed));
        button.setMargin(new Insets(look.px(8), look.px(20), look.px(8), look.px(20)));
        Dimension preferred = button.getPreferredSize();
        button.setPreferredSize(new Dimension(Math.max(preferred.width, look.px(260)),
                Math.max(preferred.height, look.buttonHeight())));
        button.addActionListener(event -> action.run());
        return button;
    }

    static String style(Look look, Color background, Color ink, Color pressed) {
        return "arc: " + look.px(24)
                + "; borderWidth: " + Math.max(2, look.px(3))
                + "; focusWidth: 0; innerFocusWidth: 0"
                + "; background: " + Palette.hex(background)
                + "; foreground: " + Palette.hex(ink)
                + "; hoverBackground: " + Palette.hex(background)
                + "; pressedBackground: " + Palette.hex(pressed)
                + "; selectedBackground: " + Palette.hex(background)
                + "; selectedForeground: " + Palette.hex(ink)
                + "; borderColor: " + Palette.hex(Palette.PRIMARY)
                + "; hoverBorderColor: " + Palette.hex(Palette.PRIMARY)
                + "; disabledBackground: " + Palette.hex(Palette.DISABLED)
                + "; disabledText: " + Palette.hex(Palette.DISABLED_INK)
                + "; disabledBorderColor: " + Palette.hex(Palette.DISABLED_INK);
    }

    /** One line of text. */
    static JLabel line(String text, Font font, Color color) {
        JLabel label = new JLabel(text);
        label.setFont(font);
        label.setForeground(color);
        return label;
    }

    /** Text that wraps within {@code width} pixels (see {@link WrappedText}). */
    static WrappedText paragraph(String text, Font font, Color color, int width, boolean centered) {
        return new WrappedText(text, font, color, width, centered);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** A transparent panel. */
    static JPanel clear(LayoutManager layout) {
        JPanel panel = new JPanel(layout);
        panel.setOpaque(false);
        return panel;
    }

    /** A soft box around related content (a question, a notice). */
    static void boxed(JComponent component, Look look, Color fill, Color line) {
        component.setOpaque(true);
        component.setBackground(fill);
        component.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createLineBorder(line, Math.max(2, look.px(3))),
                BorderFactory.createEmptyBorder(look.px(16), look.px(24), look.px(16), look.px(24))));
    }

    /** The root panel of a screen, named after its state ({@code screen.EnterPin}), with the screen margins. */
    static JPanel screenRoot(Class<?> stateType, Look look) {
        JPanel root = new JPanel();
        root.setName(ComponentNames.screen(stateType));
        root.setBackground(Palette.BACKGROUND);
        root.setBorder(BorderFactory.createEmptyBorder(look.px(24), look.px(40), look.px(24), look.px(40)));
        return root;
    }

    /** {@code font}, made smaller (not below 28 design px) until {@code text} fits in {@code width} pixels. */
    static Font shrinkToFit(JComponent component, String text, Font font, int width) {
        Font fitted = font;
        float smallest = font.getSize2D() * 28f / 60f;
        while (component.getFontMetrics(fitted).stringWidth(text) > width && fitted.getSize2D() > smallest) {
            fitted = fitted.deriveFont(fitted.getSize2D() - 2f);
        }
        return fitted;
    }
}
