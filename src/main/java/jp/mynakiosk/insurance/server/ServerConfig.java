package jp.mynakiosk.insurance.server;

import java.nio.file.Path;
import jp.mynakiosk.config.ConfigException;
import jp.mynakiosk.config.Profile;
import java.util.Optional;

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

    /** @throws ConfigException naming the file, the key, the value and what was expected */
    public static ServerConfig load(Path file) {
        Profile r = Profile.load(file);
        ServerConfig config = new ServerConfig(file,
                r.text("server.host", "0.0.0.0"),
                r.integer("server.port", 8443, 0, 65535),
                r.integer("server.threads", 16, 1, 512),
                r.path("server.keyStore", ""),
                r.requiredText("server.keyStorePassword"),
                r.path("server.kioskCa", ""),
                r.optionalPath("server.kioskCrl"),
                r.requiredText("db.url"),
                r.requiredText("db.user"),
                r.text("db.password", ""),
                r.integer("db.poolSize", 16, 1, 200),
                r.path("jpki.trustAnchor", ""),
                r.path("jpki.crl", ""),
                r.optionalPath("seed"));
        r.rejectUnknownKeys();
        return config;
    }
}
