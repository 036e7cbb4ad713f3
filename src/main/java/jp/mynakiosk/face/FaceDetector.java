package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.bytedeco.opencv.opencv_core.StringVector;

/**
 * Finds faces and their keypoints with MediaPipe's short-range face detector (BlazeFace,
 * {@code face_detection_short_range.tflite}, Apache-2.0, from the npm package {@code @mediapipe/face_detection}),
 * run by OpenCV's DNN module. Made for faces within about two metres of the camera, i.e. a person at a kiosk.
 * The image is padded to a square (so faces keep their shape) and scaled to the model's 128x128 input; the 896
 * SSD anchors are decoded here as MediaPipe's calculators do, and overlapping boxes are merged by
 * score-weighted averaging. Create one per kiosk: calls are serialized because a Net is not thread-safe.
 */
public final class FaceDetector implements AutoCloseable {
    static final String MODEL = "face_detection_short_range.tflite";
    private static final int INPUT = 128;
    private static final int ANCHORS = 896;
    private static final int VALUES = 16;
    /** MediaPipe's own default for this model. */
    static final double MIN_SCORE = 0.5;
    private static final double MERGE_IOU = 0.3;

    private final Net net;
    private final float[] anchorX = new float[ANCHORS];
    private final float[] anchorY = new float[ANCHORS];
    private final StringVector outputNames = new StringVector("regressors", "classificators");

    public FaceDetector() {
        net = ModelResources.tflite(MODEL);
        makeAnchors();
    }

    /** The faces in the image, largest first. */
    public List<DetectedFace> detect(BufferedImage image) {
        try (Mat bgr = MatImages.toBgrMat(image)) {
            return detect(bgr);
        }
    }

    /** The faces in an 8-bit BGR matrix, largest first. */
    public synchronized List<DetectedFace> detect(Mat bgr) {
        if (net.isNull()) {
            throw new IllegalStateException("face detector is closed");
        }
        int side = Math.max(bgr.cols(), bgr.rows());
        float[] regressors = new float[ANCHORS * VALUES];
        float[] scores = new float[ANCHORS];
        try (Mat square = new Mat(); MatVector outputs = new MatVector();
                Scalar black = new Scalar(0, 0, 0, 0); Scalar mean = new Scalar(127.5, 127.5, 127.5, 0);
                Size size = new Size(INPUT, INPUT)) {
            copyMakeBorder(bgr, square, 0, side - bgr.rows(), 0, side - bgr.cols(), BORDER_CONSTANT, black);
            try (Mat blob = new Mat()) {
                blobFromImage(square, blob, 1 / 127.5, size, mean, true, false, CV_32F);
                net.setInput(blob);
                net.forward(outputs, outputNames);
            }
            copyOut(outputs.get(0), regressors);
            copyOut(outputs.get(1), scores);
            for (long i = 0; i < outputs.size(); i++) {
                outputs.get(i).close();
            }
        }
        return decode(regressors, scores, side / (double) INPUT, bgr.cols(), bgr.rows());
    }

    @Override
    public synchronized void close() {
        if (!net.isNull()) {
            net.close();
            outputNames.close();
        }
    }

    private static void copyOut(Mat mat, float[] into) {
        if (mat.total() * mat.channels() != into.length) {
            throw new IllegalStateException("face detector gave " + mat.total() + " values, expected " + into.length);
        }
        new FloatPointer(mat.data()).get(into);
    }

    private List<DetectedFace> decode(float[] raw, float[] logits, double scale, int width, int height) {
        List<Candidate> candidates = new ArrayList<>();
        for (int a = 0; a < ANCHORS; a++) {
            double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, logits[a]))));
            if (score < MIN_SCORE) {
                continue;
            }
            int o = a * VALUES;
            double[] values = new double[4 + 2 * DetectedFace.KEYPOINTS];
            double cx = raw[o] / INPUT + anchorX[a];
            double cy = raw[o + 1] / INPUT + anchorY[a];
            double w = raw[o + 2] / INPUT;
            double h = raw[o + 3] / INPUT;
            values[0] = (cx - w / 2) * INPUT * scale;
            values[1] = (cy - h / 2) * INPUT * scale;
            values[2] = (cx + w / 2) * INPUT * scale;
            values[3] = (cy + h / 2) * INPUT * scale;
            for (int k = 0; k < DetectedFace.KEYPOINTS; k++) {
                values[4 + 2 * k] = (raw[o + 4 + 2 * k] / INPUT + anchorX[a]) * INPUT * scale;
                values[5 + 2 * k] = (raw[o + 5 + 2 * k] / INPUT + anchorY[a]) * INPUT * scale;
            }
            candidates.add(new Candidate(score, values));
        }
        candidates.sort((p, q) -> Double.compare(q.score, p.score));
        List<DetectedFace> faces = new ArrayList<>();
        boolean[] used = new boolean[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            if (used[i]) {
                continue;
            }
            double[] merged = new double[candidates.get(i).values.length];
            double weight = 0;
            for (int j = i; j < candidates.size(); j++) {
                if (!used[j] && iou(candidates.get(i).values, candidates.get(j).values) > MERGE_IOU) {
                    used[j] = true;
                    double s = candidates.get(j).score;
                    for (int v = 0; v < merged.length; v++) {
                        merged[v] += s * candidates.get(j).values[v];
                    }
                    weight += s;
                }
            }
            for (int v = 0; v < merged.length; v++) {
                merged[v] /= weight;
            }
            toFace(merged, candidates.get(i).score, width, height).ifPresent(faces::add);
        }
        faces.sort((p, q) -> Long.compare(q.box().area(), p.box().area()));
        return List.copyOf(faces);
    }

    private static java.util.Optional<DetectedFace> toFace(double[] v, double score, int width, int height) {
        int x0 = (int) Math.max(0, Math.round(v[0]));
        int y0 = (int) Math.max(0, Math.round(v[1]));
        int x1 = (int) Math.min(width, Math.round(v[2]));
        int y1 = (int) Math.min(height, Math.round(v[3]));
        if (x1 - x0 < 2 || y1 - y0 < 2) {
            return java.util.Optional.empty();
        }
        List<FacePoint> points = new ArrayList<>(DetectedFace.KEYPOINTS);
        for (int k = 0; k < DetectedFace.KEYPOINTS; k++) {
            points.add(new FacePoint(v[4 + 2 * k], v[5 + 2 * k]));
        }
        return java.util.Optional.of(new DetectedFace(new FaceRegion(x0, y0, x1 - x0, y1 - y0), score, points));
    }

    private static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return inter / union;
    }

    /**
     * MediaPipe's SsdAnchorsCalculator for this model: strides 8, 16, 16, 16 (layers of equal stride share a
     * grid), two anchors per cell on the 16x16 grid and six on the 8x8 grid, centres at cell centres.
     */
    private void makeAnchors() {
        int[] strides = {8, 16, 16, 16};
        int index = 0;
        int layer = 0;
        while (layer < strides.length) {
            int perCell = 0;
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                perCell += 2;
                last++;
            }
            int cells = INPUT / strides[layer];
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int n = 0; n < perCell; n++) {
                        anchorX[index] = (x + 0.5f) / cells;
                        anchorY[index] = (y + 0.5f) / cells;
                        index++;
                    }
                }
            }
            layer = last;
        }
        if (index != ANCHORS) {
            throw new IllegalStateException("made " + index + " face detector anchors, expected " + ANCHORS);
        }
    }

    private record Candidate(double score, double[] values) {
    }
}
