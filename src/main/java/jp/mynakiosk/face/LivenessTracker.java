package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_video.MOTION_HOMOGRAPHY;
import static org.bytedeco.opencv.global.opencv_video.findTransformECC;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Tells a live face from a picture of one by how the face's pixels change between frames. Any view of a flat
 * picture (held still, shifted, turned, scaled or tilted) maps onto another view by one homography; a real
 * head that turns, nods, blinks or talks does not, because its nose, eyes and mouth lie at different depths
 * and move on their own. Each new aligned face is registered to earlier ones by OpenCV's ECC algorithm with a
 * homography; what the best homography leaves unexplained (1 - correlation) must reach {@link #MIN_RESIDUAL}.
 * A still image fed as video does not change at all. Feed it only frames that matched the card, so the
 * motion belongs to that face.
 */
final class LivenessTracker {
    /** Frames remembered (about one second at the preview rate). */
    static final int WINDOW = 15;
    /**
     * Unexplained change that counts as a live face. Photos of the simulator's faces shifted, turned, scaled
     * and tilted in perspective stayed at or below 0.004 (LivenessTest prints the figure); it is not yet
     * calibrated on video of real people, whose blinks and turns should lie well above it.
     */
    static final double MIN_RESIDUAL = 0.01;

    private final Deque<byte[]> recent = new ArrayDeque<>();
    private double largestResidual;

    /** Adds the newest aligned grey face (ALIGNED_SIDE squared pixels, row by row). */
    void add(byte[] alignedGrey) {
        // Against the oldest remembered frame: up to a second of turning, nodding or a blink in between.
        if (!recent.isEmpty()) {
            largestResidual = Math.max(largestResidual, nonRigidResidual(recent.peekFirst(), alignedGrey));
        }
        recent.addLast(alignedGrey);
        if (recent.size() > WINDOW) {
            Arrays.fill(recent.removeFirst(), (byte) 0);
        }
    }

    boolean live() {
        return largestResidual >= MIN_RESIDUAL;
    }

    double largestResidual() {
        return largestResidual;
    }

    void reset() {
        recent.forEach(face -> Arrays.fill(face, (byte) 0));
        recent.clear();
        largestResidual = 0;
    }

    /**
     * How much of the change from one aligned face to the other no homography explains: 1 minus the
     * correlation coefficient that OpenCV's ECC registration (homography model) reaches, on the face's inner
     * part. 0 for a still picture; close to 0 for a flat photo however it is held; larger for a real face.
     */
    static double nonRigidResidual(byte[] from, byte[] to) {
        if (Arrays.equals(from, to)) {
            return 0;
        }
        int side = FrameQuality.ALIGNED_SIDE;
        try (Mat a = grey(from, side); Mat b = grey(to, side); Mat warp = Mat.eye(3, 3, CV_32F).asMat();
                Mat mask = new Mat(side, side, CV_8UC1, new Scalar(0, 0, 0, 0));
                TermCriteria criteria = new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 40, 1e-5)) {
            try (Rect inner = new Rect(side / 5, side / 4, side * 3 / 5, side * 13 / 20); Mat roi = new Mat(mask, inner);
                    Scalar white = new Scalar(255, 255, 255, 255)) {
                roi.put(white);
            }
            double rho = findTransformECC(a, b, warp, MOTION_HOMOGRAPHY, criteria, mask, 3);
            return Math.max(0, 1 - rho);
        } catch (RuntimeException e) {
            // ECC did not converge: no evidence either way.
            return 0;
        }
    }

    private static Mat grey(byte[] pixels, int side) {
        Mat mat = new Mat(side, side, CV_8UC1);
        new BytePointer(mat.data()).put(pixels, 0, pixels.length);
        return mat;
    }
}
