package jp.mynakiosk.config;

/** A profile or simulator file is wrong. The message names the file, the key, the value and what was expected. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
