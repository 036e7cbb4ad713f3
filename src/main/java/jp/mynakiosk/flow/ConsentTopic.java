package jp.mynakiosk.flow;

/** The information the user may agree to share with the doctors and pharmacists who treat them. */
public enum ConsentTopic {
    /** Past treatment and medication information (about the last five years). */
    TREATMENT_AND_MEDICATION,
    /** Specific health check-up (特定健診) results: only offered to people aged 40 to 74. */
    HEALTH_CHECKUPS
}
