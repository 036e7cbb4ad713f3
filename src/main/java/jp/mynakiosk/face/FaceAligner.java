package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Warps a face so that its eyes, nose tip and mouth centre land on a recognition network's layout
 * ({@link FaceLayout}), by the least-squares similarity transform (rotation, uniform scale, shift). Aligned
 * faces compare far better than boxes cut straight out of the frame.
 */
final class FaceAligner {
    private final FaceLayout layout;
    private final int side;
    private final double zoom;

    /** ArcFace's layout. */
    FaceAligner(int side, double zoom) {
        this(FaceLayout.ARCFACE, side, zoom);
    }

    /**
     * @param side output width and height in pixels
     * @param zoom 1 keeps the layout's crop; below 1 leaves more margin around the face
     */
    FaceAligner(FaceLayout layout, int side, double zoom) {
        this.layout = layout;
        this.side = side;
        this.zoom = zoom;
    }

    /** A new side x side BGR image of the aligned face; the caller closes it. */
    Mat align(Mat bgr, DetectedFace face) {
        double[] m = transform(face);
        Mat aligned = new Mat();
        try (Mat matrix = new Mat(2, 3, CV_64F); Size size = new Size(side, side); Scalar border = new Scalar(0, 0, 0, 0)) {
            new DoublePointer(matrix.data()).put(m);
            warpAffine(bgr, aligned, matrix, size, INTER_LINEAR, BORDER_REPLICATE, border);
        }
        return aligned;
    }

    /** The 2x3 matrix (row-major) taking image points to the template scaled to this aligner's output. */
    double[] transform(DetectedFace face) {
        double scale = side / layout.side;
        int n = layout.size();
        double[][] src = new double[n][];
        double[][] dst = new double[n][];
        double sx = 0;
        double sy = 0;
        double dx = 0;
        double dy = 0;
        for (int i = 0; i < n; i++) {
            FacePoint p = face.keypoints().get(i);
            src[i] = new double[] {p.x(), p.y()};
            double c = layout.side / 2;
            dst[i] = new double[] {(c + (layout.x(i) - c) * zoom) * scale, (c + (layout.y(i) - c) * zoom) * scale};
            sx += src[i][0];
            sy += src[i][1];
            dx += dst[i][0];
            dy += dst[i][1];
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double norm = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < n; i++) {
            double px = src[i][0] - sx;
            double py = src[i][1] - sy;
            double qx = dst[i][0] - dx;
            double qy = dst[i][1] - dy;
            norm += px * px + py * py;
            a += px * qx + py * qy;
            b += px * qy - py * qx;
        }
        if (norm < 1e-9) {
            throw new IllegalArgumentException("face keypoints coincide; cannot align");
        }
        a /= norm;
        b /= norm;
        return new double[] {a, -b, dx - (a * sx - b * sy), b, a, dy - (b * sx + a * sy)};
    }
}
