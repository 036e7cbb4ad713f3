package jp.mynakiosk.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.RenderingHints;
import javax.swing.JComponent;

/** Where the user is in the registration: one dot per step, the done ones filled. */
final class StepDots extends JComponent {

    private final int step;
    private final int steps;
    private final int diameter;
    private final int gap;
    private final Color color;

    StepDots(int step, int steps, Look look, Color color) {
        this.step = step;
        this.steps = steps;
        this.diameter = look.px(18);
        this.gap = look.px(10);
        this.color = color;
        setPreferredSize(new Dimension(steps * diameter + (steps - 1) * gap + 4, diameter + 4));
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(color);
            g.setStroke(new BasicStroke(Math.max(2f, diameter / 8f)));
            int y = (getHeight() - diameter) / 2;
            for (int i = 0; i < steps; i++) {
                int x = 2 + i * (diameter + gap);
                if (i < step) {
                    g.fillOval(x, y, diameter, diameter);
                } else {
                    g.drawOval(x, y, diameter, diameter);
                }
            }
        } finally {
            g.dispose();
        }
    }
}
