package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.image.BufferedImage;
import java.util.List;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Compares the face on the card photo with the one face in a camera frame. Walking-skeleton matcher:
 * Haar detection, no alignment, no liveness; faces are compared by LBP histograms on a grid
 * ({@link LbpDescriptor}). It separates the simulator's people, whose card photo and camera frame come from
 * one source photograph each; on different photographs of one person (dlib's bald_guys.jpg, 23 faces of
 * 4 men) it is barely better than chance (AUC about 0.6). Real use needs the DNN embedding that replaces it.
 */
public final class FaceMatcher {
    /**
     * Chosen from the simulator's images (FaceMatcherTest prints them): genuine pairs scored 0.69-0.75,
     * impostor pairs 0.38-0.46; the threshold sits in the middle of the gap.
     */
    public static final double DEFAULT_THRESHOLD = 0.58;
    static final int FACE_SIDE = 80;
    static final int GRID = 7;

    private final FaceDetector detector;
    private final CardPhotoDecoder decoder;
    private final LbpDescriptor descriptor = new LbpDescriptor(FACE_SIDE, GRID);
    private final double threshold;

    /** @param threshold similarity (0..1) at or above which the faces are taken to be the same person */
    public FaceMatcher(FaceDetector detector, CardPhotoDecoder decoder, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("face match threshold must be between 0 and 1, got " + threshold);
        }
        this.detector = detector;
        this.decoder = decoder;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public MatchResult match(byte[] cardPhoto, BufferedImage cameraFrame) {
        if (!(decoder.decode(cardPhoto) instanceof DecodedPhoto.Readable card)) {
            return MatchResult.notCompared(MatchOutcome.UNREADABLE_PHOTO);
        }
        try (Mat cardGrey = grey(card.image()); Mat frameGrey = grey(cameraFrame)) {
            List<FaceRegion> cardFaces = detector.detectInGrey(cardGrey);
            if (cardFaces.isEmpty()) {
                return MatchResult.notCompared(MatchOutcome.NO_FACE_ON_CARD);
            }
            List<FaceRegion> frameFaces = detector.detectInGrey(frameGrey);
            if (frameFaces.isEmpty()) {
                return MatchResult.notCompared(MatchOutcome.NO_FACE_IN_FRAME);
            }
            if (frameFaces.size() > 1) {
                return MatchResult.notCompared(MatchOutcome.SEVERAL_FACES);
            }
            // A card photo shows one person; should the detector see more, the largest face is the holder.
            double similarity = descriptor.similarity(
                    descriptor.describe(cardGrey, cardFaces.get(0)),
                    descriptor.describe(frameGrey, frameFaces.get(0)));
            return new MatchResult(similarity >= threshold ? MatchOutcome.MATCH : MatchOutcome.NO_MATCH, similarity);
        }
    }

    private static Mat grey(BufferedImage image) {
        try (Mat bgr = MatImages.toBgrMat(image)) {
            Mat grey = new Mat();
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            return grey;
        }
    }
}
