package jp.mynakiosk.flow;

/** What the user came to do, chosen on the menu. */
public enum Journey {
    /** Link the card to the user's health insurance (健康保険証利用登録). */
    REGISTER_INSURANCE_USE,
    /** See whether the card is registered, since when, with which insurer, and what is shared. */
    CHECK_REGISTRATION,
    /** Change what is shared with doctors and pharmacists. */
    CHANGE_CONSENTS
}
