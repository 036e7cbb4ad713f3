package jp.mynakiosk.ui;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/** The user-facing words of one language, from {@code jp/mynakiosk/ui/Messages_<lang>.properties}. */
public final class Messages {

    public static final String BUNDLE = "jp.mynakiosk.ui.Messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static Messages of(Language language) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(language, bundle);
    }

    public Language language() {
        return language;
    }

    /** The text for {@code key}; a missing key is a programming error and names the bundle and key. */
    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("message key '" + key + "' is missing from " + BUNDLE + "_"
                    + language.locale().getLanguage() + ".properties", e);
        }
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}} … filled in ({@link MessageFormat} rules). */
    public String format(String key, Object... arguments) {
        MessageFormat format = new MessageFormat(text(key), language.locale());
        return format.format(arguments);
    }

    /** A date the way this language writes it: 1956年3月19日, 19 March 1956. */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(text("common.dateFormat"), language.locale()).format(date);
    }

    public Set<String> keys() {
        return bundle.keySet();
    }
}
