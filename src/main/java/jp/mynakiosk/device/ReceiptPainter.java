package jp.mynakiosk.device;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws receipt lines in one column of a given width, wrapping long lines: the same layout for the simulator's
 * image file and the real printer. A CJK-capable font (IPA Gothic on Debian) is used where installed.
 */
public final class ReceiptPainter {
    public static final int MAX_LINES = 200;
    public static final int MAX_LINE_LENGTH = 500;

    private final Font font;

    public ReceiptPainter(float pointSize) {
        this.font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(pointSize);
    }

    /** Checks the lines' count and lengths before anything is drawn or allocated for them. */
    public static void checkBounds(List<String> lines) {
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a receipt has at most " + MAX_LINES + " lines, got " + lines.size());
        }
        for (String line : lines) {
            if (line.length() > MAX_LINE_LENGTH) {
                throw new IllegalArgumentException("a receipt line has at most " + MAX_LINE_LENGTH + " characters");
            }
        }
    }

    /** The height the lines need at {@code width}, as {@link #paint} would draw them. */
    public int height(Graphics2D g, List<String> lines, int width) {
        FontMetrics metrics = g.getFontMetrics(font);
        return (wrapped(metrics, lines, width).size() + 2) * metrics.getHeight();
    }

    /** Paints the lines black on white from the top-left corner (0, 0) of {@code g}. */
    public void paint(Graphics2D g, List<String> lines, int width, int height) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics metrics = g.getFontMetrics();
        int y = metrics.getHeight();
        for (String line : wrapped(metrics, lines, width)) {
            g.drawString(line, 0, y + metrics.getAscent());
            y += metrics.getHeight();
        }
    }

    private static List<String> wrapped(FontMetrics metrics, List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                if (metrics.stringWidth(next) > width && current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                    current.appendCodePoint(cp);
                } else {
                    current.appendCodePoint(cp);
                }
                i += Character.charCount(cp);
            }
            out.add(current.toString());
        }
        return out;
    }
}
