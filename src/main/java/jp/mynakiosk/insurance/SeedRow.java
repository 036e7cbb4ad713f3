package jp.mynakiosk.insurance;

import java.util.Objects;
import java.util.Optional;

/** One row of the insurance seed: an insured person and, if they registered elsewhere, that registration. */
record SeedRow(InsuredPerson person, Optional<RegistrationRecord> registration) {
    SeedRow {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(registration, "registration");
    }
}
