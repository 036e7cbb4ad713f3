package jp.mynakiosk.ui;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.JComponent;
import javax.swing.JPanel;

/** Stacks components top to bottom in a panel, centred or left-aligned, with the gaps given. */
final class Column {

    private final JPanel panel;
    private final Look look;
    private final boolean centered;
    private int row;

    Column(JPanel panel, Look look, boolean centered) {
        this.panel = panel;
        this.look = look;
        this.centered = centered;
        panel.setLayout(new GridBagLayout());
    }

    static Column centered(JPanel panel, Look look) {
        return new Column(panel, look, true);
    }

    static Column leading(JPanel panel, Look look) {
        return new Column(panel, look, false);
    }

    /** Adds {@code component} {@code gap} design pixels below the previous one. */
    Column add(JComponent component, int gap) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.anchor = centered ? GridBagConstraints.CENTER : GridBagConstraints.LINE_START;
        c.insets = new Insets(row == 1 ? 0 : look.px(gap), 0, 0, 0);
        panel.add(component, c);
        return this;
    }

    /** Adds {@code component} stretched to the column's width. */
    Column addWide(JComponent component, int gap) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row++;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(row == 1 ? 0 : look.px(gap), 0, 0, 0);
        panel.add(component, c);
        return this;
    }

    JPanel panel() {
        return panel;
    }
}
