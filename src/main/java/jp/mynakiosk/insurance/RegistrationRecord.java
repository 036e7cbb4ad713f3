package jp.mynakiosk.insurance;

import java.time.LocalDate;
import java.util.Objects;

/** A card's registration for use as a health insurance card, with the consents given at that time. */
public record RegistrationRecord(String cardId, String insurerName, LocalDate registeredOn, Consents consents) {
    public RegistrationRecord {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(insurerName, "insurerName");
        Objects.requireNonNull(registeredOn, "registeredOn");
        Objects.requireNonNull(consents, "consents");
    }
}
