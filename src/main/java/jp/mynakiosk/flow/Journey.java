package jp.mynakiosk.flow;

/** What the user came to do, chosen on the menu. */
public enum Journey {
    REGISTER_INSURANCE_USE
}
