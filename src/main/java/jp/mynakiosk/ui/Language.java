package jp.mynakiosk.ui;

import java.util.Locale;

/** The languages the screens speak. Japanese is where every new user starts. */
public enum Language {
    JAPANESE(Locale.JAPANESE),
    ENGLISH(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public Language other() {
        return this == JAPANESE ? ENGLISH : JAPANESE;
    }
}
