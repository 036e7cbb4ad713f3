package jp.mynakiosk.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * The live camera picture, mirrored like a looking glass and scaled to fit, with an oval where the face
 * should be. It polls its {@link PreviewSource} at about 15 frames a second only while it is in a showing
 * window, and lets go of the last frame when it is removed.
 */
final class FacePreview extends JComponent {

    static final int FRAME_MILLIS = 66;

    private final PreviewSource source;
    private final Timer timer;
    private BufferedImage frame;

    FacePreview(PreviewSource source, Look look) {
        this.source = source;
        setName(ComponentNames.FACE_PREVIEW);
        setPreferredSize(new Dimension(look.px(520), look.px(420)));
        timer = new Timer(FRAME_MILLIS, event -> refresh());
        timer.setCoalesce(true);
    }

    /** Takes the newest frame now (also used to paint a still, e.g. for the screen gallery). */
    void refresh() {
        BufferedImage latest = source.latestFrame();
        if (latest != frame) {
            frame = latest;
            repaint();
        }
    }

    @Override
    public void addNotify() {
        super.addNotify();
        refresh();
        timer.start();
    }

    @Override
    public void removeNotify() {
        timer.stop();
        frame = null;
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
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int w = getWidth();
            int h = getHeight();
            g.setColor(new Color(0x2B2F36));
            g.fillRect(0, 0, w, h);
            BufferedImage image = frame;
            if (image != null) {
                double scale = Math.min(w / (double) image.getWidth(), h / (double) image.getHeight());
                int iw = (int) Math.round(image.getWidth() * scale);
                int ih = (int) Math.round(image.getHeight() * scale);
                int x = (w - iw) / 2;
                int y = (h - ih) / 2;
                g.drawImage(image, x + iw, y, -iw, ih, null);
            }
            double ow = Math.min(w * 0.5, h * 0.5);
            double oh = ow * 1.3;
            Ellipse2D oval = new Ellipse2D.Double((w - ow) / 2, (h - oh) / 2, ow, oh);
            Area outside = new Area(new Rectangle2D.Double(0, 0, w, h));
            outside.subtract(new Area(oval));
            g.setColor(new Color(0, 0, 0, 110));
            g.fill(outside);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(Math.max(3f, w / 120f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    10f, new float[] {w / 40f, w / 60f}, 0f));
            g.draw(oval);
        } finally {
            g.dispose();
        }
    }
}
