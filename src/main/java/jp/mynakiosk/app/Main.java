package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.swing.SwingUtilities;
import jp.mynakiosk.ui.KioskTheme;
import java.util.logging.LogManager;
import jp.mynakiosk.ui.ScreenGallery;

/**
 * Starts the kiosk: {@code java -jar myna-kiosk.jar [--profile FILE] [--scenario FILE] [--screenshots DIR]}.
 * A bad profile or simulator file stops start-up with one message naming the file and the key.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        quietLibraryLogging();
        int code = run(args);
        if (code != 0 || args.length > 0 && !isPlainStart(args)) {
            System.exit(code);
        }
    }

    private static boolean isPlainStart(String[] args) {
        for (String arg : args) {
            if (arg.equals("--scenario") || arg.equals("--screenshots")) {
                return false;
            }
        }
        return true;
    }

    static int run(String... args) throws InterruptedException {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ScenarioMode.BAD_INPUT;
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.err.println("the kiosk needs a display; on a machine without one run it under xvfb-run -a");
            return ScenarioMode.BAD_INPUT;
        }
        if (command.screenshots().isPresent()) {
            return screenshots(command.screenshots().get());
        }
        if (command.scenario().isPresent()) {
            return ScenarioMode.run(command.scenario().get(), command.profile(), System.out);
        }
        try {
            KioskConfig config = KioskConfig.load(command.profile());
            Kiosk kiosk = Kiosk.assemble(config);
            Runtime.getRuntime().addShutdownHook(new Thread(kiosk::close, "kiosk-shutdown"));
            kiosk.showScreen();
            return 0;
        } catch (ConfigException e) {
            System.err.println("Myna Kiosk cannot start: " + e.getMessage());
            return ScenarioMode.BAD_INPUT;
        }
    }

    /** Every screen in every language as PNG files, for QA and for reviewing the words. */
    private static int screenshots(Path dir) throws InterruptedException {
        List<Path> written = new ArrayList<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                KioskTheme.install();
                written.addAll(ScreenGallery.render(dir, new Dimension(1280, 800)));
            });
        } catch (InvocationTargetException e) {
            System.err.println("the screenshots could not be written: " + e.getCause().getMessage());
            return ScenarioMode.BAD_INPUT;
        }
        System.out.println(written.size() + " screens written to " + dir.toAbsolutePath());
        return 0;
    }

    /** Library INFO chatter (Flyway's every migration check) stays out of the kiosk's output. */
    private static void quietLibraryLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream config = Main.class.getResourceAsStream("logging.properties")) {
            if (config != null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException ignored) {
            // default logging is a safe fallback
        }
    }
}
