package jp.mynakiosk.face;

import java.awt.image.BufferedImage;

/** The result of decoding a card photo. */
public sealed interface DecodedPhoto {

    /** The photo as an image; personal data, so never printed. */
    record Readable(BufferedImage image) implements DecodedPhoto {
        @Override
        public String toString() {
            return "Readable[" + image.getWidth() + "x" + image.getHeight() + " image, redacted]";
        }
    }

    /** The bytes are not a photo this kiosk can decode; the reason names what was expected. */
    record Unreadable(String reason) implements DecodedPhoto {
    }
}
