package jp.mynakiosk.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * An indeterminate "working" animation: a ring of dots, one bright dot going round. It animates only while it
 * is in a showing window (the timer starts in {@link #addNotify()} and stops in {@link #removeNotify()}).
 */
final class BusyIndicator extends JComponent {

    private static final int DOTS = 12;
    private static final int FRAME_MILLIS = 90;

    private final Timer timer;
    private final Color color;
    private int head;

    BusyIndicator(Look look, Color color) {
        this.color = color;
        int size = look.px(140);
        setPreferredSize(new Dimension(size, size));
        timer = new Timer(FRAME_MILLIS, event -> {
            head = (head + 1) % DOTS;
            repaint();
        });
    }

    @Override
    public void addNotify() {
        super.addNotify();
        timer.start();
    }

    @Override
    public void removeNotify() {
        timer.stop();
        super.removeNotify();
    }

    boolean animating() {
        return timer.isRunning();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int size = Math.min(getWidth(), getHeight());
            double radius = size * 0.38;
            int dot = Math.max(4, (int) (size * 0.12));
            double cx = getWidth() / 2.0;
            double cy = getHeight() / 2.0;
            for (int i = 0; i < DOTS; i++) {
                int age = (head - i + DOTS) % DOTS;
                int alpha = Math.max(40, 255 - age * 22);
                g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha));
                double angle = 2 * Math.PI * i / DOTS - Math.PI / 2;
                int x = (int) Math.round(cx + radius * Math.cos(angle) - dot / 2.0);
                int y = (int) Math.round(cy + radius * Math.sin(angle) - dot / 2.0);
                g.fillOval(x, y, dot, dot);
            }
        } finally {
            g.dispose();
        }
    }
}
