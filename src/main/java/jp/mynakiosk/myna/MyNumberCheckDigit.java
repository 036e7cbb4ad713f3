package jp.mynakiosk.myna;

/** The check digit of a 12-digit My Number (the 12th digit), as the ministry ordinance defines it. */
public final class MyNumberCheckDigit {
    public static final int LENGTH = 12;

    private MyNumberCheckDigit() {
    }

    /** True when {@code digits} holds exactly 12 ASCII digits and the last one is the right check digit. */
    public static boolean isValid(byte[] digits) {
        if (digits.length != LENGTH) {
            return false;
        }
        for (byte b : digits) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return compute(digits) == digits[LENGTH - 1] - '0';
    }

    /** The check digit for the first 11 ASCII digits of {@code digits}. */
    public static int compute(byte[] digits) {
        int sum = 0;
        for (int n = 1; n <= LENGTH - 1; n++) {
            int p = digits[LENGTH - 1 - n] - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }
}
