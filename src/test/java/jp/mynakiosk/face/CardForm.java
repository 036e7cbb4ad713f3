package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A benchmark face turned into what the kiosk reads from a card: a head-and-shoulders 3:4 crop around it,
 * scaled to the card photo's 180x240 pixels (INTER_AREA) and JPEG 2000 compressed at rate 60/1000, as the
 * simulator's card photo is made (jp.mynakiosk.sim.card.CardFacePhoto), then decoded and embedded through the
 * matcher's own card-photo path (CardPhotoDecoder, detector on the whole photo).
 */
final class CardForm {
    static final int WIDTH = 180;
    static final int HEIGHT = 240;
    static final int RATE_X1000 = 60;
    /**
     * Photo width in eye distances (the system property face.cardWidth overrides it), and the eyes' height from
     * the top in photo heights. A Japanese ID photo (35x45 mm, head 32-36 mm high) is about 3.8 eye distances
     * wide; the simulator's card photos are 3.9 to 6.1. The looser the crop, the fewer pixels the face gets.
     */
    static final double WIDTH_IN_EYE_DISTANCES = Double.parseDouble(System.getProperty("face.cardWidth", "4.0"));
    static final double EYES_FROM_TOP = 0.40;

    private CardForm() {
    }

    /** The card-form photo's JPEG 2000 bytes. */
    static byte[] photo(Mat bgr, DetectedFace face) {
        double width = WIDTH_IN_EYE_DISTANCES * face.eyeDistance();
        double height = width * HEIGHT / WIDTH;
        double eyeX = (face.rightEye().x() + face.leftEye().x()) / 2;
        double eyeY = (face.rightEye().y() + face.leftEye().y()) / 2;
        int x0 = (int) Math.round(eyeX - width / 2);
        int y0 = (int) Math.round(eyeY - EYES_FROM_TOP * height);
        int w = (int) Math.round(width);
        int h = (int) Math.round(height);
        int pad = Math.max(Math.max(0, -x0), Math.max(Math.max(0, -y0),
                Math.max(Math.max(0, x0 + w - bgr.cols()), Math.max(0, y0 + h - bgr.rows()))));
        try (Mat padded = new Mat(); Mat card = new Mat(); Size size = new Size(WIDTH, HEIGHT)) {
            copyMakeBorder(bgr, padded, pad, pad, pad, pad, BORDER_REPLICATE);
            try (Rect box = new Rect(x0 + pad, y0 + pad, w, h); Mat crop = new Mat(padded, box)) {
                resize(crop, card, size, 0, 0, INTER_AREA);
            }
            return Jpeg2000.encode(card, RATE_X1000);
        }
    }

    /** The card-form photo's template, as the kiosk makes it from a card; empty when no face is found on it. */
    static Optional<FaceTemplate> embed(FaceMatcher matcher, Mat bgr, DetectedFace face) {
        DecodedPhoto decoded = new CardPhotoDecoder().decode(photo(bgr, face));
        if (!(decoded instanceof DecodedPhoto.Readable readable)) {
            throw new IllegalStateException("card-form photo does not decode: " + decoded);
        }
        return matcher.embedCardPhoto(readable.image());
    }
}
