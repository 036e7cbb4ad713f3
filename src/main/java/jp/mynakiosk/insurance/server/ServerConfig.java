package jp.mynakiosk.insurance.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fleet server's configuration file ({@code .properties}, UTF-8). Every key is documented in
 * {@code kiosk-config/eligibility-server.example.properties}; unknown keys are refused so a typo never falls back to a
 * default. File paths are relative to the working directory.
 */
public record ServerConfig(Path source, String host, int port, int threads, Path keyStore, String keyStorePassword,
                           Path kioskCa, Optional<Path> kioskCrl, String dbUrl, String dbUser, String dbPassword,
                           int dbPoolSize, Path jpkiTrustAnchor, Path jpkiCrl, Optional<Path> seed) {

    @Override
    public String toString() {
        return "ServerConfig[" + source + ", " + host + ":" + port + ", db " + dbUrl + " as " + dbUser + "]";
    }

    /** @throws IllegalArgumentException naming the file and key when the file or a value is wrong */
    public static ServerConfig load(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": cannot be read as a UTF-8 .properties file (" + e + ")", e);
        }
        Reading r = new Reading(file, p);
        ServerConfig config = new ServerConfig(file,
                r.text("server.host", "0.0.0.0"),
                r.integer("server.port", 8443, 0, 65535),
                r.integer("server.threads", 16, 1, 512),
                r.path("server.keyStore"),
                r.required("server.keyStorePassword"),
                r.path("server.kioskCa"),
                r.optionalPath("server.kioskCrl"),
                r.required("db.url"),
                r.required("db.user"),
                r.text("db.password", ""),
                r.integer("db.poolSize", 16, 1, 200),
                r.path("jpki.trustAnchor"),
                r.path("jpki.crl"),
                r.optionalPath("seed"));
        r.rejectUnknownKeys();
        return config;
    }

    private static final class Reading {
        private final Path file;
        private final Properties values;
        private final Set<String> known = new TreeSet<>();

        Reading(Path file, Properties values) {
            this.file = file;
            this.values = values;
        }

        String text(String key, String fallback) {
            known.add(key);
            String value = values.getProperty(key);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        String required(String key) {
            String value = text(key, null);
            if (value == null) {
                throw new IllegalArgumentException(file + ": key " + key + " is required");
            }
            return value;
        }

        Path path(String key) {
            return Path.of(required(key));
        }

        Optional<Path> optionalPath(String key) {
            return Optional.ofNullable(text(key, null)).map(Path::of);
        }

        int integer(String key, int fallback, int min, int max) {
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
                // reported below
            }
            throw new IllegalArgumentException(file + ": key " + key + " must be a whole number from " + min + " to "
                    + max + ", was '" + value + "'");
        }

        void rejectUnknownKeys() {
            Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(file + ": unknown keys " + unknown + "; known keys are " + known);
            }
        }
    }
}
