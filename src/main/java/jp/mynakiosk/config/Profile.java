package jp.mynakiosk.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code .properties} configuration file (a kiosk profile, the eligibility server's configuration) read as typed
 * values. Every read names the file and the key in its error, and
 * keys the kiosk does not know are refused, so a typo never silently falls back to a default.
 */
public final class Profile {

    private final Path file;
    private final Properties values;
    private final Set<String> read = new TreeSet<>();

    private Profile(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static Profile load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": profile file not found (expected one of the files in kiosk-config/)");
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot be read as a UTF-8 .properties file (" + e.getMessage() + ")", e);
        }
        return new Profile(file, values);
    }

    public Path file() {
        return file;
    }

    public String text(String key, String fallback) {
        read.add(key);
        String value = values.getProperty(key);
        return value == null ? fallback : value.trim();
    }

    public String requiredText(String key) {
        String value = text(key, null);
        if (value == null || value.isEmpty()) {
            throw error(key, value, "a value (the key is required)");
        }
        return value;
    }

    public int integer(String key, int fallback, int min, int max) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw error(key, value, "a whole number from " + min + " to " + max);
    }

    public double decimal(String key, double fallback, double min, double max) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw error(key, value, "a number from " + min + " to " + max);
    }

    public boolean flag(String key, boolean fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw error(key, value, "true or false");
        }
    }

    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        String wanted = value.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E option : type.getEnumConstants()) {
            if (option.name().equals(wanted)) {
                return option;
            }
        }
        StringBuilder options = new StringBuilder();
        for (E option : type.getEnumConstants()) {
            options.append(options.length() == 0 ? "" : ", ").append(option.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw error(key, value, "one of: " + options);
    }

    /** A path; relative ones are taken from the working directory, where the kiosk is started. */
    public Path path(String key, String fallback) {
        String value = text(key, fallback);
        if (value == null || value.isEmpty()) {
            throw error(key, value, "a file or directory path");
        }
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw error(key, value, "a valid file or directory path");
        }
    }

    /** A path, or empty when the key is missing or blank. */
    public Optional<Path> optionalPath(String key) {
        String value = text(key, "");
        return value.isEmpty() ? Optional.empty() : Optional.of(path(key, null));
    }

    /** Refuses keys nobody read: most often a typo that would otherwise be ignored. */
    public void rejectUnknownKeys() {
        Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new ConfigException(file + ": unknown key(s) " + unknown + " (check the spelling against the keys documented in kiosk-config/)");
        }
    }

    public ConfigException error(String key, String value, String expected) {
        return new ConfigException(file + ": key " + key + ": value '" + (value == null ? "" : value) + "' is not valid; expected " + expected);
    }
}
