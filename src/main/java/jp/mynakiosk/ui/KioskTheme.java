package jp.mynakiosk.ui;

import com.formdev.flatlaf.FlatLightLaf;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

/** The look and feel: FlatLaf Light with a large font that has Japanese glyphs. The app calls it once. */
public final class KioskTheme {

    /**
     * Font families with full Japanese coverage, best first: proportional ones before IPAGothic, whose Latin
     * letters are monospaced. "Dialog" (the JDK's logical font) is the fallback.
     */
    public static final List<String> PREFERRED_FAMILIES = List.of(
            "IPAPGothic", "IPAexGothic", "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Yu Gothic UI",
            "Meiryo", "Hiragino Sans", "IPAGothic");

    public static final String FALLBACK_FAMILY = Font.DIALOG;

    private KioskTheme() {
    }

    /** Installs FlatLaf Light and the default font; call on the event dispatch thread before the frame is built. */
    public static void install() {
        FlatLightLaf.setup();
        UIManager.put("defaultFont", new FontUIResource(fontFamily(), Font.PLAIN, 28));
        // Kiosk PCs often run a bare X server without desktop font settings: ask for smooth text anyway.
        UIManager.put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        UIManager.put("ScrollBar.width", 28);
        UIManager.put("ScrollBar.showButtons", false);
    }

    /** The first of {@link #PREFERRED_FAMILIES} installed on this machine, else {@link #FALLBACK_FAMILY}. */
    public static String fontFamily() {
        Set<String> installed = Arrays.stream(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .collect(Collectors.toSet());
        return PREFERRED_FAMILIES.stream().filter(installed::contains).findFirst().orElse(FALLBACK_FAMILY);
    }
}
