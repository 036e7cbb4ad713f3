package jp.mynakiosk.store;

import java.nio.file.Path;

/** A database file could not be opened or migrated; the message names the file and the reason. */
public final class DatabaseOpenException extends RuntimeException {
    private final Path file;

    DatabaseOpenException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The database file (with H2's {@code .mv.db} suffix) that could not be opened. */
    public Path file() {
        return file;
    }
}
