package jp.mynakiosk.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import javax.swing.JComponent;

/**
 * A drawing of a My Number card and the card reader: the card going in (face up, photo side up) or coming
 * back out towards the user.
 */
final class CardIllustration extends JComponent {

    enum Motion { INTO_READER, OUT_OF_READER }

    private final Motion motion;

    CardIllustration(Look look, Motion motion) {
        this(look, motion, 380);
    }

    /** A drawing {@code height} design pixels tall. */
    CardIllustration(Look look, Motion motion, int height) {
        this.motion = motion;
        Dimension size = new Dimension(look.px(height * 420 / 380.0), look.px(height));
        setPreferredSize(size);
        setMinimumSize(size);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double w = getWidth();
            double h = getHeight();
            double unit = Math.min(w / 420.0, h / 380.0);
            g.translate((w - 420 * unit) / 2, (h - 380 * unit) / 2);
            g.scale(unit, unit);
            paintReader(g);
            paintCard(g, motion == Motion.INTO_READER ? 20 : 10);
            paintArrow(g, motion == Motion.INTO_READER);
        } finally {
            g.dispose();
        }
    }

    private static void paintReader(Graphics2D g) {
        g.setColor(new Color(0x3A3F47));
        g.fill(new RoundRectangle2D.Double(40, 270, 340, 90, 30, 30));
        g.setColor(new Color(0x15181C));
        g.fill(new RoundRectangle2D.Double(80, 282, 260, 16, 10, 10));
        g.setColor(new Color(0x4CD964));
        g.fill(new Ellipse2D.Double(340, 320, 18, 18));
    }

    private static void paintCard(Graphics2D g, double top) {
        RoundRectangle2D card = new RoundRectangle2D.Double(95, top, 230, 150, 18, 18);
        g.setColor(Palette.CARD);
        g.fill(card);
        g.setColor(new Color(0xB0456A));
        g.setStroke(new BasicStroke(4f));
        g.draw(card);
        g.setColor(Palette.CHIP);
        g.fill(new RoundRectangle2D.Double(115, top + 50, 44, 36, 8, 8));
        g.setColor(new Color(0x8C6D1F));
        g.setStroke(new BasicStroke(2f));
        g.drawLine(137, (int) top + 50, 137, (int) top + 86);
        g.drawLine(115, (int) top + 68, 159, (int) top + 68);
        g.setColor(new Color(0xD7C3CC));
        g.fill(new RoundRectangle2D.Double(240, top + 22, 66, 84, 8, 8));
        g.setColor(new Color(0x8E7F86));
        g.fill(new Ellipse2D.Double(257, top + 34, 32, 34));
        g.fill(new Ellipse2D.Double(248, top + 72, 50, 40));
        g.setColor(Palette.CARD);
        g.fill(new Rectangle(240, (int) top + 106, 66, 10));
        g.setColor(new Color(0x9A8F94));
        for (int i = 0; i < 3; i++) {
            g.fill(new RoundRectangle2D.Double(115, top + 100 + i * 14, 100, 7, 4, 4));
        }
    }

    private static void paintArrow(Graphics2D g, boolean down) {
        g.setColor(Palette.PRIMARY);
        int cx = 210;
        int tail = down ? 178 : 262;
        int headBase = down ? 230 : 210;
        int tip = down ? 262 : 178;
        g.fillRect(cx - 14, Math.min(tail, headBase), 28, Math.abs(headBase - tail));
        g.fillPolygon(new Polygon(new int[] {cx - 40, cx + 40, cx}, new int[] {headBase, headBase, tip}, 3));
    }
}
