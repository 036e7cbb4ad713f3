package jp.mynakiosk.flow;

import java.time.LocalDate;
import java.time.Period;

/**
 * What the "is this you?" screen shows: the card holder's name and birth date. Dropped with the state
 * when the session ends; never logged.
 */
public record HolderSummary(String name, LocalDate birthDate) {

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    @Override
    public String toString() {
        return "HolderSummary[redacted]";
    }
}
