package jp.mynakiosk.device.smartcardio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Points the JDK's PC/SC provider at the pcsc-lite client library. The JDK looks for the unversioned
 * {@code libpcsclite.so}, which only the -dev package installs; Debian and Ubuntu ship
 * {@code libpcsclite.so.1} under a multiarch folder. An explicit {@value #PROPERTY} is left alone.
 */
public final class PcscLibrary {
    public static final String PROPERTY = "sun.security.smartcardio.library";
    private static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib64/libpcsclite.so.1"),
            Path.of("/usr/lib/libpcsclite.so.1"));

    private PcscLibrary() {
    }

    /**
     * Sets {@value #PROPERTY} to the first library found, unless it is already set. Must run before the first
     * {@code TerminalFactory.getInstance("PC/SC")}; returns the library in use, empty when none was found.
     */
    public static Optional<Path> configure() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path candidate : CANDIDATES) {
            if (Files.isRegularFile(candidate)) {
                System.setProperty(PROPERTY, candidate.toString());
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
