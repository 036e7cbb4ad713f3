package jp.mynakiosk.myna;

/** Sex as recorded on the card, ISO/IEC 5218 codes. */
public enum Sex {
    NOT_KNOWN(0), MALE(1), FEMALE(2), NOT_APPLICABLE(9);

    private final int code;

    Sex(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The sex for an ISO 5218 code; throws IllegalArgumentException for any other number. */
    public static Sex ofCode(int code) {
        for (Sex sex : values()) {
            if (sex.code == code) {
                return sex;
            }
        }
        throw new IllegalArgumentException("not an ISO 5218 sex code: " + code + " (expected 0, 1, 2 or 9)");
    }
}
