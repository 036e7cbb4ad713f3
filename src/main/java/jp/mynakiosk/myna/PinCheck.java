package jp.mynakiosk.myna;

import java.util.Arrays;
import java.util.Objects;

/** The outcome of {@link MynaCardSession#unlock(char[])}. */
public sealed interface PinCheck {
    /** PIN correct: the holder's attributes and the face photo as stored on the card (JPEG 2000). */
    record Unlocked(CardHolder holder, byte[] facePhoto) implements PinCheck {
        public Unlocked {
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(facePhoto, "facePhoto");
        }

        /** The caller's own copy: wipe it when the session ends. */
        @Override
        public byte[] facePhoto() {
            return facePhoto.clone();
        }

        /** Overwrites this record's photo bytes. */
        public void wipe() {
            Arrays.fill(facePhoto, (byte) 0);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Unlocked that && holder.equals(that.holder)
                    && Arrays.equals(facePhoto, that.facePhoto);
        }

        @Override
        public int hashCode() {
            return 31 * holder.hashCode() + Arrays.hashCode(facePhoto);
        }

        @Override
        public String toString() {
            return "Unlocked[redacted]";
        }
    }

    /** PIN wrong; {@code triesLeft} more wrong entries are allowed before the card locks (at least 1). */
    record WrongPin(int triesLeft) implements PinCheck {
        public WrongPin {
            if (triesLeft < 1) {
                throw new IllegalArgumentException("a wrong PIN with no tries left is Locked: " + triesLeft);
            }
        }
    }

    /** The user-authentication PIN is locked; only the municipal office can reset it. */
    record Locked() implements PinCheck {
    }

    /**
     * The JPKI PIN was right, but the card-info application (own PIN, usually the same digits) refused it
     * or has too few tries left to risk one; the holder's data cannot be read here.
     */
    record CardInfoPinDiffers() implements PinCheck {
    }

    /**
     * The PIN was right, but the card-info data (My Number or attributes) does not match the card's signature
     * record, or the record is missing: a forged or altered card. Nothing read from it is used.
     */
    record CardDataTampered() implements PinCheck {
    }
}
