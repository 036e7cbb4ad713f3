package jp.mynakiosk.ui;

import java.awt.Dimension;
import java.awt.Font;

/**
 * Sizes for one screen: everything is designed for 1280×800 and scaled with the real screen, so text and
 * touch targets keep their physical size on a 1920×1080 panel too.
 */
public record Look(double scale, String fontFamily) {

    public static final int DESIGN_WIDTH = 1280;
    public static final int DESIGN_HEIGHT = 800;

    public Look {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
    }

    public static Look forScreen(Dimension size, String fontFamily) {
        double scale = Math.min(size.width / (double) DESIGN_WIDTH, size.height / (double) DESIGN_HEIGHT);
        return new Look(Math.max(scale, 0.5), fontFamily);
    }

    /** A design-size length (at 1280×800) in pixels on this screen. */
    public int px(double designPixels) {
        return (int) Math.round(designPixels * scale);
    }

    public Font font(int style, double designSize) {
        return new Font(fontFamily, style, px(designSize));
    }

    /** Running text: 28 px at 1280×800. */
    public Font body() {
        return font(Font.PLAIN, 28);
    }

    public Font bodyBold() {
        return font(Font.BOLD, 28);
    }

    /** Secondary lines (step counter): still large. */
    public Font small() {
        return font(Font.PLAIN, 26);
    }

    /** The step title in the top bar. */
    public Font title() {
        return font(Font.BOLD, 34);
    }

    /** The one thing a screen asks. */
    public Font headline() {
        return font(Font.BOLD, 44);
    }

    /** The biggest words: "touch to start", "take your card". */
    public Font hero() {
        return font(Font.BOLD, 60);
    }

    public Font button() {
        return font(Font.BOLD, 32);
    }

    /** Height of every button a finger presses. */
    public int buttonHeight() {
        return px(96);
    }
}
