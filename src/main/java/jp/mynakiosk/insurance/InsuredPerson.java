package jp.mynakiosk.insurance;

import java.time.LocalDate;
import java.util.Objects;

/** An insurer's record of an insured person, keyed by the card id the certificate names. */
public record InsuredPerson(String cardId, String name, LocalDate birthDate, int sexCode, String insurerName,
                            LocalDate eligibleFrom) {
    public InsuredPerson {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(insurerName, "insurerName");
        Objects.requireNonNull(eligibleFrom, "eligibleFrom");
        if (!HolderClaims.isSexCode(sexCode)) {
            throw new IllegalArgumentException("sexCode must be an ISO 5218 code (0, 1, 2 or 9), was " + sexCode);
        }
    }

    /** Name (ignoring ASCII and full-width spaces), birth date and sex all equal the card's. */
    public boolean matches(HolderClaims holder) {
        return withoutSpaces(name).equals(withoutSpaces(holder.name()))
                && birthDate.equals(holder.birthDate())
                && sexCode == holder.sexCode();
    }

    public boolean eligibleOn(LocalDate day) {
        return !eligibleFrom.isAfter(day);
    }

    private static String withoutSpaces(String s) {
        return s.replace(" ", "").replace("\u3000", "");
    }

    @Override
    public String toString() {
        return "InsuredPerson[cardId=" + cardId + ", <redacted>]";
    }
}
