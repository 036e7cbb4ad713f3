package jp.mynakiosk.myna;

/** How many wrong entries the user-authentication PIN still allows. */
public record PinTries(int left) {
    public static final int MAX = 3;

    public PinTries {
        if (left < 0 || left > 15) {
            throw new IllegalArgumentException("tries left out of range: " + left);
        }
    }

    public boolean locked() {
        return left == 0;
    }

    /** One more wrong entry locks the card: the kiosk warns before this try. */
    public boolean lastTry() {
        return left == 1;
    }
}
