package jp.mynakiosk.insurance;

/**
 * What the user agreed to share with clinics. The high-cost-care limit is shared automatically and is not a choice.
 *
 * @param shareTreatmentAndMedication past treatment and medication information (about the last 5 years)
 * @param shareHealthCheckups         specific health check-up (特定健診) information
 */
public record Consents(boolean shareTreatmentAndMedication, boolean shareHealthCheckups) {
}
