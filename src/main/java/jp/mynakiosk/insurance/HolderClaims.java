package jp.mynakiosk.insurance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who the card says its holder is (read from the card-info application), checked against the insured record.
 *
 * @param sexCode ISO/IEC 5218: 0 not known, 1 male, 2 female, 9 not applicable
 */
public record HolderClaims(String name, LocalDate birthDate, int sexCode) {
    public static final int MAX_NAME_LENGTH = 100;

    public HolderClaims {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (!isSexCode(sexCode)) {
            throw new IllegalArgumentException("sexCode must be an ISO 5218 code (0, 1, 2 or 9), was " + sexCode);
        }
    }

    static boolean isSexCode(int code) {
        return code == 0 || code == 1 || code == 2 || code == 9;
    }

    @Override
    public String toString() {
        return "HolderClaims[<redacted>]";
    }
}
