package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Judges whether a camera frame is good enough to compare, and if not, what the user can do about it.
 * Works on the detector's faces and the face aligned to {@link #ALIGNED_SIDE} pixels (so the blur and cover
 * measures do not depend on the distance to the camera).
 */
final class FrameQuality {
    static final int ALIGNED_SIDE = 112;
    /** Eye distance below this share of the frame width: too far (a 640-pixel frame needs 45 pixels). */
    static final double MIN_EYES_SHARE = 0.07;
    /** Face box wider than this share of the frame, or cut by its edge: too close. */
    static final double MAX_FACE_SHARE = 0.8;
    /** Face centre further than this share of the frame from its centre. */
    static final double MAX_OFF_CENTRE = 0.3;
    static final double MIN_BRIGHTNESS = 50;
    static final double MAX_BRIGHTNESS = 215;
    /**
     * Variance of the Laplacian of the aligned grey face. The simulator's frames and card photos measured
     * 168-552; GuidanceTest's blurred frame (a face moving during the exposure) falls below it.
     */
    static final double MIN_SHARPNESS = 40;
    /** A mask leaves under this share of skin-coloured pixels below the nose while the cheeks above are skin. */
    static final double MAX_COVERED_SKIN = 0.2;
    static final double MIN_UPPER_SKIN = 0.5;

    private FrameQuality() {
    }

    /** Guidance from where and how large the faces are; NONE when one face sits well in the frame. */
    static FaceGuidance placement(List<DetectedFace> faces, int width, int height) {
        if (faces.isEmpty()) {
            return FaceGuidance.NO_FACE;
        }
        if (faces.size() > 1) {
            return FaceGuidance.SEVERAL_FACES;
        }
        DetectedFace face = faces.get(0);
        FaceRegion box = face.box();
        if (face.eyeDistance() < MIN_EYES_SHARE * width) {
            return FaceGuidance.COME_CLOSER;
        }
        boolean cut = box.x() <= 0 || box.y() <= 0 || box.x() + box.width() >= width || box.y() + box.height() >= height;
        if (box.width() > MAX_FACE_SHARE * width || box.height() > MAX_FACE_SHARE * height
                || (cut && box.width() > 0.4 * width)) {
            return FaceGuidance.STEP_BACK;
        }
        double cx = (face.rightEye().x() + face.leftEye().x() + face.mouth().x()) / 3;
        double cy = (face.rightEye().y() + face.leftEye().y() + face.mouth().y()) / 3;
        if (Math.abs(cx - width / 2.0) > MAX_OFF_CENTRE * width || Math.abs(cy - height / 2.0) > MAX_OFF_CENTRE * height
                || cut) {
            return FaceGuidance.MOVE_TO_CENTRE;
        }
        return FaceGuidance.NONE;
    }

    /** Guidance from the aligned face's light, sharpness and cover; NONE when it can be compared. */
    static FaceGuidance appearance(Mat alignedBgr) {
        try (Mat grey = new Mat(); Mat laplace = new Mat(); Mat mean = new Mat(); Mat deviation = new Mat()) {
            cvtColor(alignedBgr, grey, COLOR_BGR2GRAY);
            int s = alignedBgr.cols();
            try (Rect inner = new Rect(s / 4, s / 4, s / 2, s / 2); Mat centre = new Mat(grey, inner)) {
                meanStdDev(centre, mean, deviation);
                double brightness = mean.ptr().getDouble();
                if (brightness < MIN_BRIGHTNESS) {
                    return FaceGuidance.TOO_DARK;
                }
                if (brightness > MAX_BRIGHTNESS) {
                    return FaceGuidance.TOO_BRIGHT;
                }
                Laplacian(centre, laplace, CV_64F);
            }
            meanStdDev(laplace, mean, deviation);
            double sd = deviation.ptr().getDouble();
            if (sd * sd < MIN_SHARPNESS) {
                return FaceGuidance.HOLD_STILL;
            }
            return covered(alignedBgr) ? FaceGuidance.UNCOVER_FACE : FaceGuidance.NONE;
        }
    }

    /**
     * A mask: the cheeks under the eyes show skin, the band from below the nose to the chin does not. Skin is
     * judged by chroma alone (Chai and Ngan's Cr 133-173, Cb 77-127), which holds across skin tones and light.
     */
    static boolean covered(Mat alignedBgr) {
        int s = alignedBgr.cols();
        try (Mat ycrcb = new Mat()) {
            cvtColor(alignedBgr, ycrcb, COLOR_BGR2YCrCb);
            double upper = skinShare(ycrcb, s * 25 / 112, s * 58 / 112, s * 87 / 112, s * 68 / 112);
            double lower = skinShare(ycrcb, s * 36 / 112, s * 80 / 112, s * 76 / 112, s * 104 / 112);
            return upper >= MIN_UPPER_SKIN && lower <= MAX_COVERED_SKIN;
        }
    }

    private static double skinShare(Mat ycrcb, int x0, int y0, int x1, int y1) {
        int skin = 0;
        int all = 0;
        try (UByteIndexer px = ycrcb.createIndexer()) {
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    int cr = px.get(y, x, 1);
                    int cb = px.get(y, x, 2);
                    all++;
                    if (cr >= 133 && cr <= 173 && cb >= 77 && cb <= 127) {
                        skin++;
                    }
                }
            }
        }
        return all == 0 ? 0 : skin / (double) all;
    }
}
