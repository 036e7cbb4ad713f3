package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Tells a hat pulled over the forehead from hair that falls over it. Both leave no skin above the eyebrows, so
 * the check looks at what the covering is like. A hat's lower edge (cuff, band or visor) runs across the
 * forehead in one smooth line, while a fringe ends in strands, so its edge is ragged. A fringe is also of one
 * piece with the hair beside the face, while a hat's colour differs from whatever is there (skin, ears or
 * hair of another colour). The head is aligned with room above it; distances are in eye distances from the
 * midpoint between the eyes. A dark hat over hair of the same colour, or one worn so high that the forehead
 * shows, is not reported: such a frame is left to the face match, rather than asking everyone with a blunt
 * fringe to take off a hat they are not wearing. Thread-safe.
 */
final class HatCheck {
    /** Aligned head side; with {@link #ZOOM} the eyes lie about 50 pixels apart, as in a 640x480 kiosk frame. */
    static final int SIDE = 320;
    /** Template zoom that leaves a face's height of room above the eyes for the whole head. */
    static final double ZOOM = 0.5;
    /** Share of forehead columns whose covering starts lower than {@link #COVERED_BELOW}. */
    static final double MIN_COVERED = 0.85;
    /**
     * RMS distance of the covering's lower edge from the best parabola across the forehead, in eye distances.
     * Of HatCheckTest's 81 real faces, 19 had the forehead covered (fringes, low hairlines): 0.023-0.21, the
     * smooth ones (below 0.07) all of the colour of the hair beside the face. Painted hats: 0-0.11.
     */
    static final double MAX_EDGE_RESIDUAL = 0.05;
    /**
     * Least Lab distance (lightness halved) between the covering and every small patch beside the face, for a
     * hat. Fringes with a smooth edge measured 0.8-6.2 (their hair goes on down beside the face); covered
     * foreheads that differed more had edges far from smooth (0.073 and up).
     */
    static final double MIN_DIFFERENCE_FROM_SIDES = 10;
    /** Forehead columns that are covered start being covered below this height (eye distances above the eyes). */
    static final double COVERED_BELOW = 1.1;
    /** The forehead searched: from just above the eyebrows up to this height, across +-{@link #HALF_WIDTH}. */
    private static final double BROW = 0.4;
    private static final double TOP = 1.6;
    private static final double HALF_WIDTH = 0.8;
    /** Skin tolerance: lightness may differ this much (or 2.5 robust standard deviations) from the cheeks. */
    private static final double LIGHT_TOLERANCE = 35;

    private final FaceAligner aligner = new FaceAligner(SIDE, ZOOM);

    /** What the forehead of one face looks like. NaN residual and difference when too little of it is covered. */
    record Forehead(double covered, double edgeResidual, double differenceFromSides) {
        boolean hat() {
            return covered >= MIN_COVERED && edgeResidual <= MAX_EDGE_RESIDUAL
                    && differenceFromSides >= MIN_DIFFERENCE_FROM_SIDES;
        }
    }

    /** Whether this face in this 8-bit BGR frame wears a hat over the forehead. */
    boolean hat(Mat bgr, DetectedFace face) {
        return measure(bgr, face).hat();
    }

    Forehead measure(Mat bgr, DetectedFace face) {
        double[] m = aligner.transform(face);
        double ex = 0;
        double ey = 0;
        for (int i = 0; i < 2; i++) {
            FacePoint p = face.keypoints().get(i);
            ex += (m[0] * p.x() + m[1] * p.y() + m[2]) / 2;
            ey += (m[3] * p.x() + m[4] * p.y() + m[5]) / 2;
        }
        double eyes = Math.hypot(m[0], m[3]) * face.eyeDistance();
        try (Mat head = aligner.align(bgr, face); Mat lab = new Mat()) {
            cvtColor(head, lab, COLOR_BGR2Lab);
            try (UByteIndexer px = lab.createIndexer()) {
                return new Head(px, ex, ey, eyes).forehead();
            }
        }
    }

    /** An aligned head in Lab, addressed in eye distances u (right) and v (down) from the eyes' midpoint. */
    private static final class Head {
        private final UByteIndexer px;
        private final double ex;
        private final double ey;
        private final double eyes;
        private final double[] skin = new double[3];
        private double chromaTolerance;
        private double lightTolerance;

        Head(UByteIndexer px, double ex, double ey, double eyes) {
            this.px = px;
            this.ex = ex;
            this.ey = ey;
            this.eyes = eyes;
        }

        Forehead forehead() {
            learnSkinFromCheeks();
            int x0 = x(-HALF_WIDTH);
            int x1 = x(HALF_WIDTH);
            double[] edge = new double[x1 - x0 + 1];
            int covered = 0;
            for (int x = x0; x <= x1; x++) {
                edge[x - x0] = coverStart(x);
                if (edge[x - x0] > -COVERED_BELOW) {
                    covered++;
                }
            }
            double share = covered / (double) edge.length;
            if (share < MIN_COVERED) {
                return new Forehead(share, Double.NaN, Double.NaN);
            }
            double[] cover = coverColour(edge, x0);
            double difference = differenceFromBeside(cover);
            return new Forehead(share, parabolaResidual(edge), difference);
        }

        /**
         * Median and spread (median absolute deviation) of the cheeks under the eyes, the nose left out: this
         * face's skin in this light. Robust, as a turned face or a strand of hair puts other colours there.
         */
        private void learnSkinFromCheeks() {
            int[][] values = new int[3][256];
            int n = 0;
            for (int y = y(0.3); y <= y(0.7); y++) {
                for (int x = x(-0.85); x <= x(0.85); x++) {
                    if (Math.abs(x - ex) < 0.3 * eyes) {
                        continue;
                    }
                    for (int c = 0; c < 3; c++) {
                        values[c][px.get(y, x, c)]++;
                    }
                    n++;
                }
            }
            double[] spread = new double[3];
            for (int c = 0; c < 3; c++) {
                int median = quantile(values[c], n, 0.5);
                skin[c] = median;
                int[] deviations = new int[256];
                for (int v = 0; v < 256; v++) {
                    deviations[Math.abs(v - median)] += values[c][v];
                }
                spread[c] = 1.4826 * quantile(deviations, n, 0.5);
            }
            chromaTolerance = Math.max(6, 2.5 * Math.hypot(spread[1], spread[2]));
            lightTolerance = Math.max(LIGHT_TOLERANCE, 2.5 * spread[0]);
        }

        /** The value below which the given share of a histogram's n counts lie. */
        private static int quantile(int[] histogram, int n, double share) {
            int seen = 0;
            for (int v = 0; v < histogram.length; v++) {
                seen += histogram[v];
                if (seen >= share * n) {
                    return v;
                }
            }
            return histogram.length - 1;
        }

        /** Going up a column from the eyebrows, where the first run of non-skin starts (v), or NaN if none. */
        private double coverStart(int x) {
            int needed = (int) Math.max(3, Math.round(0.12 * eyes));
            int run = 0;
            for (int y = y(-BROW); y >= y(-TOP); y--) {
                run = isSkin(y, x) ? 0 : run + 1;
                if (run >= needed) {
                    return (y + run - 1 - ey) / eyes;
                }
            }
            return Double.NaN;
        }

        /** Mean Lab colour of the covering from 0.1 to 0.4 eye distances above its edge. */
        private double[] coverColour(double[] edge, int x0) {
            double[] sum = new double[3];
            int n = 0;
            for (int i = 0; i < edge.length; i++) {
                if (Double.isNaN(edge[i])) {
                    continue;
                }
                for (int y = y(edge[i] - 0.4); y <= y(edge[i] - 0.1); y++) {
                    for (int c = 0; c < 3; c++) {
                        sum[c] += px.get(y, x0 + i, c);
                    }
                    n++;
                }
            }
            for (int c = 0; c < 3; c++) {
                sum[c] /= Math.max(1, n);
            }
            return sum;
        }

        /**
         * The least Lab distance (lightness halved, as light varies most) from the covering to any small patch
         * beside the face, from the eyes to the mouth on either side: small when the hair there is the covering's.
         */
        private double differenceFromBeside(double[] cover) {
            double patch = 0.15;
            double least = Double.MAX_VALUE;
            for (double v = -0.3; v + patch <= 0.6 + 1e-9; v += patch) {
                for (double u = 0.95; u + patch <= 1.5 + 1e-9; u += patch) {
                    least = Math.min(least, Math.min(patchDistance(cover, -u - patch, v, patch),
                            patchDistance(cover, u, v, patch)));
                }
            }
            return least;
        }

        private double patchDistance(double[] cover, double u0, double v0, double size) {
            double[] sum = new double[3];
            int n = 0;
            for (int y = y(v0); y < y(v0 + size); y++) {
                for (int x = x(u0); x < x(u0 + size); x++) {
                    for (int c = 0; c < 3; c++) {
                        sum[c] += px.get(y, x, c);
                    }
                    n++;
                }
            }
            if (n == 0) {
                return Double.MAX_VALUE;
            }
            return Math.hypot(0.5 * (sum[0] / n - cover[0]), Math.hypot(sum[1] / n - cover[1], sum[2] / n - cover[2]));
        }

        /** RMS residual, in eye distances, of the least-squares parabola v(u) through the edge points. */
        private double parabolaResidual(double[] edge) {
            double[][] normal = new double[3][4];
            int n = 0;
            for (int i = 0; i < edge.length; i++) {
                if (Double.isNaN(edge[i])) {
                    continue;
                }
                double u = (i - edge.length / 2.0) / eyes;
                double[] row = {1, u, u * u};
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        normal[r][c] += row[r] * row[c];
                    }
                    normal[r][3] += row[r] * edge[i];
                }
                n++;
            }
            double[] k = solve(normal);
            double squares = 0;
            for (int i = 0; i < edge.length; i++) {
                if (!Double.isNaN(edge[i])) {
                    double u = (i - edge.length / 2.0) / eyes;
                    double e = edge[i] - (k[0] + k[1] * u + k[2] * u * u);
                    squares += e * e;
                }
            }
            return Math.sqrt(squares / n);
        }

        /** Gaussian elimination of a 3x3 system given as rows of [a b c | d]; the system is positive definite. */
        private static double[] solve(double[][] a) {
            for (int p = 0; p < 3; p++) {
                for (int r = p + 1; r < 3; r++) {
                    double f = a[r][p] / a[p][p];
                    for (int c = p; c < 4; c++) {
                        a[r][c] -= f * a[p][c];
                    }
                }
            }
            double[] k = new double[3];
            for (int p = 2; p >= 0; p--) {
                double v = a[p][3];
                for (int c = p + 1; c < 3; c++) {
                    v -= a[p][c] * k[c];
                }
                k[p] = v / a[p][p];
            }
            return k;
        }

        private boolean isSkin(int y, int x) {
            return Math.hypot(px.get(y, x, 1) - skin[1], px.get(y, x, 2) - skin[2]) <= chromaTolerance
                    && Math.abs(px.get(y, x, 0) - skin[0]) <= lightTolerance;
        }

        private int x(double u) {
            return clamp((int) Math.round(ex + u * eyes));
        }

        private int y(double v) {
            return clamp((int) Math.round(ey + v * eyes));
        }

        private static int clamp(int i) {
            return Math.max(0, Math.min(SIDE - 1, i));
        }
    }
}
