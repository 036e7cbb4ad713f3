package jp.mynakiosk.ui;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

import jp.mynakiosk.flow.ConfirmHolder;
import jp.mynakiosk.flow.HolderSummary;
import jp.mynakiosk.flow.SessionEvent;

/** "Is this you?": the name (large) and birth date read from the card, Yes or No. */
final class ConfirmHolderScreen implements KioskScreen {

    private final JPanel root;

    ConfirmHolderScreen(ConfirmHolder state, ScreenContext context) {
        Look look = context.look();
        root = Widgets.screenRoot(ConfirmHolder.class, look);
        HolderSummary holder = state.holder();

        JPanel details = new JPanel(new GridBagLayout());
        Widgets.boxed(details, look, Palette.SURFACE, Palette.LINE);
        addRow(details, 0, context.text("confirmHolder.name"), holder.name(), look.hero(), look);
        addRow(details, 1, context.text("confirmHolder.birthDate"), context.messages().date(holder.birthDate()),
                look.headline(), look);

        java.awt.image.BufferedImage photo = context.preview().cardPhoto();
        if (photo != null) {
            JLabel picture = new JLabel(new javax.swing.ImageIcon(photo.getScaledInstance(look.px(150), look.px(200),
                    java.awt.Image.SCALE_SMOOTH)));
            picture.setName(ComponentNames.CONFIRM_HOLDER_PHOTO);
            GridBagConstraints c = new GridBagConstraints();
            c.gridx = 2;
            c.gridy = 0;
            c.gridheight = 2;
            c.insets = new Insets(0, look.px(32), 0, 0);
            details.add(picture, c);
        }

        JPanel answers = Widgets.clear(new FlowLayout(FlowLayout.CENTER, look.px(40), 0));
        answers.add(Widgets.secondary(context.text("confirmHolder.no"), ComponentNames.CONFIRM_HOLDER_NO, look,
                () -> context.send(new SessionEvent.HolderDenied())));
        answers.add(Widgets.primary(context.text("confirmHolder.yes"), ComponentNames.CONFIRM_HOLDER_YES, look,
                () -> context.send(new SessionEvent.HolderConfirmed())));
        for (Component answer : answers.getComponents()) {
            answer.setPreferredSize(new Dimension(look.px(400), look.buttonHeight()));
        }

        Column.centered(root, look)
                .add(Widgets.line(context.text("confirmHolder.question"), look.headline(), Palette.INK), 0)
                .add(details, 28)
                .add(answers, 36);
    }

    private static void addRow(JPanel panel, int row, String label, String value, Font valueFont,
                               Look look) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.anchor = GridBagConstraints.BASELINE_LEADING;
        c.insets = new Insets(look.px(8), look.px(8), look.px(8), look.px(32));
        c.gridx = 0;
        panel.add(Widgets.line(label, look.body(), Palette.MUTED_INK), c);
        c.gridx = 1;
        c.insets = new Insets(look.px(8), 0, look.px(8), look.px(8));
        JLabel shown = Widgets.line(value, valueFont, Palette.INK);
        shown.setFont(Widgets.shrinkToFit(shown, value, valueFont, look.px(820)));
        panel.add(shown, c);
    }

    @Override
    public JComponent root() {
        return root;
    }
}
