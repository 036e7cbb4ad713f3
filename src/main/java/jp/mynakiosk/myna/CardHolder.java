package jp.mynakiosk.myna;

import java.time.LocalDate;
import java.util.Objects;

/** The card holder's attributes the kiosk needs (the address is read but not kept). */
public record CardHolder(String name, LocalDate birthDate, Sex sex) {
    public CardHolder {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
    }

    @Override
    public String toString() {
        return "CardHolder[redacted]";
    }
}
