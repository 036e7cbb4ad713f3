package jp.mynakiosk.sim.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynakiosk.face.Jpeg2000;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** Turns a source image into the card's face photo: 3:4 crop, 180×240 pixels, JPEG 2000 as on a real card. */
final class CardFacePhoto {
    static final int WIDTH = 180;
    static final int HEIGHT = 240;
    /** Compression rate ×1000 for OpenCV's encoder: about 4 to 8 KB for a face, like a real card. */
    static final int RATE_X1000 = 60;
    private static final long MAX_SOURCE_SIZE = 32L * 1024 * 1024;

    private CardFacePhoto() {
    }

    /** The JPEG 2000 bytes, decoded once to prove they are readable; errors name the card file and the key. */
    static byte[] fromImage(Path cardFile, String key, Path image) throws CardFileException {
        Jpeg2000.ensureEnabled(); // before OpenCV decodes anything, in case a decoder probe reads the switch
        if (!Files.isRegularFile(image)) {
            throw new CardFileException(cardFile + ": key '" + key + "' points to " + image
                    + ", which does not exist; expected an image file (PNG or JPEG)");
        }
        byte[] source;
        try {
            long size = Files.size(image);
            if (size > MAX_SOURCE_SIZE) {
                throw new CardFileException(cardFile + ": key '" + key + "' points to " + image + " of " + size
                        + " bytes; expected an image of at most " + MAX_SOURCE_SIZE + " bytes");
            }
            source = Files.readAllBytes(image);
        } catch (IOException e) {
            throw new CardFileException(cardFile + ": key '" + key + "': cannot read " + image, e);
        }
        try (Mat encoded = new Mat(source);
                Mat decoded = opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR)) {
            if (decoded == null || decoded.empty()) {
                throw new CardFileException(cardFile + ": key '" + key + "' points to " + image
                        + ", which OpenCV cannot decode; expected a PNG or JPEG image");
            }
            if (decoded.cols() < 3 || decoded.rows() < 4) {
                throw new CardFileException(cardFile + ": key '" + key + "' points to " + image + " of "
                        + decoded.cols() + "x" + decoded.rows() + " pixels; expected at least 3x4");
            }
            try (Mat card = cropAndScale(decoded)) {
                byte[] jp2 = Jpeg2000.encode(card, RATE_X1000);
                try (Mat check = Jpeg2000.decode(jp2)) {
                    if (check.empty() || check.cols() != WIDTH || check.rows() != HEIGHT) {
                        throw new CardFileException(cardFile + ": the JPEG 2000 made from " + image
                                + " does not decode back to " + WIDTH + "x" + HEIGHT);
                    }
                }
                return jp2;
            }
        }
    }

    private static Mat cropAndScale(Mat image) {
        int width = image.cols();
        int height = image.rows();
        int cropWidth = Math.min(width, height * WIDTH / HEIGHT);
        int cropHeight = Math.min(height, width * HEIGHT / WIDTH);
        Rect box = new Rect((width - cropWidth) / 2, (height - cropHeight) / 2, cropWidth, cropHeight);
        Mat scaled = new Mat();
        try (Mat cropped = new Mat(image, box)) {
            opencv_imgproc.resize(cropped, scaled, new Size(WIDTH, HEIGHT), 0, 0, opencv_imgproc.INTER_AREA);
        }
        return scaled;
    }
}
