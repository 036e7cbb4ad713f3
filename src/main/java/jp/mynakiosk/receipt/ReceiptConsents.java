package jp.mynakiosk.receipt;

import java.util.Objects;
import java.util.Optional;

/**
 * The consents a receipt lists. The high-cost-care limit information is shared automatically and always printed as
 * such.
 *
 * @param treatmentAndMedication whether past treatment and medication information is shared
 * @param healthCheckups         whether specific health check-up information is shared; empty when the choice was
 *                               not offered (ages outside 40-74)
 */
public record ReceiptConsents(boolean treatmentAndMedication, Optional<Boolean> healthCheckups) {
    public ReceiptConsents {
        Objects.requireNonNull(healthCheckups, "healthCheckups");
    }
}
