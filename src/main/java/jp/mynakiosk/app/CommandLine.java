package jp.mynakiosk.app;

import jp.mynakiosk.config.ConfigException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line: {@code [--profile FILE] [--scenario FILE] [--screenshots DIR]}. Without a profile the
 * kiosk uses kiosk-config/sim.properties, and a scenario uses kiosk-config/qa.properties.
 */
record CommandLine(Path profile, Optional<Path> scenario, Optional<Path> screenshots) {

    static final String USAGE = "usage: java -jar myna-kiosk.jar [--profile FILE] [--scenario FILE] [--screenshots DIR]";

    static CommandLine parse(String... args) {
        Path profile = null;
        Path scenario = null;
        Path screenshots = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.equals("--profile") && !arg.equals("--scenario") && !arg.equals("--screenshots")) {
                throw new ConfigException("unknown argument '" + arg + "'; " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new ConfigException(arg + " needs a value; " + USAGE);
            }
            Path value = Path.of(args[++i]);
            if (arg.equals("--profile")) {
                profile = value;
            } else if (arg.equals("--scenario")) {
                scenario = value;
            } else {
                screenshots = value;
            }
        }
        if (profile == null) {
            profile = Path.of(scenario != null ? "kiosk-config/qa.properties" : "kiosk-config/sim.properties");
        }
        return new CommandLine(profile, Optional.ofNullable(scenario), Optional.ofNullable(screenshots));
    }
}
