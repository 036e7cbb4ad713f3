package jp.mynakiosk.ui;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Graphics;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;

/**
 * Text that wraps within a given width, left-aligned or centred. Japanese has no spaces between words, so the
 * lines are broken with the JDK's line {@link BreakIterator} (which may break between any two ideographs,
 * but not before 。 or 、) rather than with Swing's HTML views, which only break at spaces and clip the rest.
 * A {@code \n} in the text starts a new line.
 */
final class WrappedText extends JComponent {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, false);

    private final String text;
    private final int maxWidth;
    private final boolean centered;
    private List<TextLayout> lines = List.of();

    WrappedText(String text, Font font, Color color, int maxWidth, boolean centered) {
        this.text = text;
        this.maxWidth = maxWidth;
        this.centered = centered;
        setFont(font);
        setForeground(color);
        relayout();
    }

    /** The plain text shown, for tests and the scenario runner. */
    String getText() {
        return text;
    }

    @Override
    public void setFont(Font font) {
        super.setFont(font);
        if (text != null) {
            relayout();
        }
    }

    @Override
    public void setBorder(javax.swing.border.Border border) {
        super.setBorder(border);
        if (text != null) {
            relayout();
        }
    }

    private void relayout() {
        Insets insets = getInsets();
        List<TextLayout> laidOut = new ArrayList<>();
        float widest = 0;
        float height = 0;
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isEmpty()) {
                TextLayout blank = new TextLayout(" ", getFont(), CONTEXT);
                laidOut.add(blank);
                height += blank.getAscent() + blank.getDescent() + blank.getLeading();
                continue;
            }
            AttributedString styled = new AttributedString(paragraph);
            styled.addAttribute(TextAttribute.FONT, getFont());
            LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(),
                    BreakIterator.getLineInstance(Locale.ROOT), CONTEXT);
            while (measurer.getPosition() < paragraph.length()) {
                TextLayout line = measurer.nextLayout(maxWidth);
                laidOut.add(line);
                widest = Math.max(widest, line.getVisibleAdvance());
                height += line.getAscent() + line.getDescent() + line.getLeading();
            }
        }
        lines = List.copyOf(laidOut);
        Dimension size = new Dimension((int) Math.ceil(widest) + insets.left + insets.right + 2,
                (int) Math.ceil(height * 1.08) + insets.top + insets.bottom);
        setPreferredSize(size);
        setMinimumSize(size);
        revalidate();
        repaint();
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            if (isOpaque()) {
                g.setColor(getBackground());
                g.fillRect(0, 0, getWidth(), getHeight());
            }
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(getForeground());
            Insets insets = getInsets();
            int inner = getWidth() - insets.left - insets.right;
            float y = insets.top;
            for (TextLayout line : lines) {
                y += line.getAscent();
                float x = insets.left + (centered ? (inner - line.getVisibleAdvance()) / 2f : 0f);
                line.draw(g, x, y);
                y += line.getDescent() + line.getLeading() + (line.getAscent() + line.getDescent()) * 0.08f;
            }
        } finally {
            g.dispose();
        }
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.LABEL;
                }

                @Override
                public String getAccessibleName() {
                    return text;
                }
            };
        }
        return accessibleContext;
    }
}
