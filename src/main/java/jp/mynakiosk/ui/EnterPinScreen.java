package jp.mynakiosk.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.GridBagLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRootPane;

import jp.mynakiosk.flow.EnterPin;

/**
 * The 4-digit PIN: what it is, how many tries are left, that the last one was wrong, and before the last try a
 * strong warning that one more mistake locks the card. The pad is on the right.
 */
final class EnterPinScreen implements KioskScreen {

    private final JPanel root;
    private final PinPad pad;

    EnterPinScreen(EnterPin state, ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(EnterPin.class, look);
        root.setLayout(new BorderLayout(look.px(40), 0));
        root.setFocusable(true);

        int width = look.px(620);
        JPanel text = Widgets.clear(null);
        Column column = Column.leading(text, look)
                .add(Widgets.paragraph(context.text("enterPin.headline"), look.headline(), Palette.INK, width,
                        false), 0);
        if (state.afterWrongPin()) {
            WrappedText wrong = Widgets.paragraph(context.text("enterPin.wrong"), look.bodyBold(), Palette.DANGER,
                    width - look.px(60), false);
            wrong.setName(ComponentNames.ENTER_PIN_WRONG);
            Widgets.boxed(wrong, look, Palette.DANGER_SURFACE, Palette.DANGER);
            column.addWide(wrong, 20);
        } else {
            column.add(Widgets.paragraph(context.text("enterPin.which"), look.body(), Palette.INK, width, false),
                    16);
        }
        JLabel triesLeft = Widgets.line(context.format("enterPin.triesLeft", state.triesLeft()), look.bodyBold(),
                state.lastTry() ? Palette.DANGER : Palette.INK);
        triesLeft.setName(ComponentNames.ENTER_PIN_TRIES_LEFT);
        column.add(triesLeft, 20);
        if (state.lastTry()) {
            WrappedText warning = Widgets.paragraph(context.text("enterPin.lastTry"), look.bodyBold(), Color.WHITE,
                    width - look.px(60), false);
            warning.setName(ComponentNames.ENTER_PIN_LAST_TRY);
            Widgets.boxed(warning, look, Palette.DANGER, Palette.DANGER);
            column.addWide(warning, 16);
        }
        root.add(text, BorderLayout.CENTER);

        pad = new PinPad(context);
        JPanel padHolder = Widgets.clear(new GridBagLayout());
        padHolder.add(pad);
        root.add(padHolder, BorderLayout.EAST);
    }

    @Override
    public JComponent root() {
        return root;
    }

    PinPad pad() {
        return pad;
    }

    @Override
    public void shown(JRootPane rootPane) {
        pad.bindKeys(rootPane);
        root.requestFocusInWindow();
    }

    @Override
    public void removed(JRootPane rootPane) {
        pad.unbindKeys(rootPane);
        pad.wipe();
    }
}
