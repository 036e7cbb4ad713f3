package jp.mynakiosk.insurance;

import java.nio.file.Path;

/**
 * The insurance seed file is unreadable or malformed. The message names the file, the line and column, and what was
 * expected; it never repeats the offending value, which may be personal data.
 */
public final class InsuranceSeedException extends RuntimeException {
    private final Path file;
    private final int line;

    InsuranceSeedException(Path file, int line, String message, Throwable cause) {
        super(file + (line > 0 ? ": line " + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    InsuranceSeedException(Path file, int line, String message) {
        this(file, line, message, null);
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
