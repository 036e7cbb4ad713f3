package jp.mynakiosk.ui;

import java.awt.Color;

/** The kiosk's colours: dark text on white, strong blue for actions, all at WCAG AAA contrast or close. */
final class Palette {

    static final Color BACKGROUND = Color.WHITE;
    static final Color INK = new Color(0x1A1A1A);
    static final Color MUTED_INK = new Color(0x3D3D3D);
    static final Color BAR = new Color(0x0B3C7D);
    static final Color BAR_INK = Color.WHITE;
    static final Color PRIMARY = new Color(0x0B57B8);
    static final Color PRIMARY_PRESSED = new Color(0x073F86);
    static final Color PRIMARY_INK = Color.WHITE;
    static final Color DISABLED = new Color(0xD0D0D0);
    static final Color DISABLED_INK = new Color(0x505050);
    static final Color SURFACE = new Color(0xF1F5FB);
    static final Color LINE = new Color(0x8A9BB3);
    static final Color WARNING_SURFACE = new Color(0xFFF1C7);
    static final Color WARNING_INK = new Color(0x5A3B00);
    static final Color WARNING_LINE = new Color(0xB07800);
    static final Color DANGER = new Color(0xB3001B);
    static final Color DANGER_SURFACE = new Color(0xFDE7EA);
    static final Color SUCCESS = new Color(0x17663A);
    static final Color CARD = new Color(0xFBE9EF);
    static final Color CHIP = new Color(0xC9A23A);

    private Palette() {
    }

    static String hex(Color color) {
        return String.format("#%06X", color.getRGB() & 0xFFFFFF);
    }
}
