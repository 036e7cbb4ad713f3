package jp.mynakiosk.sim.camera;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import java.awt.image.BufferedImage;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Makes a still picture of a person look alive for the simulator: a slow, small, non-rigid sway, as of a head
 * that turns a little, so that the face check's liveness test (which a still or a rigidly moved photo fails)
 * can pass on the simulator's still images. The middle of the picture (where the simulator's faces are)
 * ripples gently, bump by bump, with the frame number; the rest stays put. Frames stay in memory.
 */
public final class NaturalMotion {
    /** Frames per ripple, under a second at the preview's 15 fps. */
    static final int PERIOD = 12;
    /** Largest shift of one bump's centre, in pixels of a 640x480 frame. */
    static final double AMPLITUDE = 6;
    static final double BUMP_SIGMA = 20;
    static final double BUMP_SPACING = 45;

    private NaturalMotion() {
    }

    /** Frame {@code index} of the still's sway; a new image. */
    public static BufferedImage frame(BufferedImage still, long index) {
        int w = still.getWidth();
        int h = still.getHeight();
        double phase = 2 * Math.PI * (index % PERIOD) / PERIOD;
        double scale = Math.min(w, h) / 480.0;
        double sigma = BUMP_SIGMA * scale;
        double spacing = BUMP_SPACING * scale;
        // A 7x7 patch of small bumps around the centre, each swinging in its own phase and direction: the
        // picture's middle ripples like the features of a face that moves, which no single homography describes.
        double[][] bumps = new double[49][];
        for (int i = 0; i < bumps.length; i++) {
            double bx = w / 2.0 + (i % 7 - 3) * spacing;
            double by = h / 2.0 + (i / 7 - 3) * spacing;
            double a = AMPLITUDE * scale * Math.sin(phase + i * 2.399);
            double direction = i * 1.3;
            bumps[i] = new double[] {bx, by, a * Math.cos(direction), a * Math.sin(direction)};
        }
        try (Mat src = MatImages.toBgrMat(still); Mat dst = new Mat();
                Mat mapX = new Mat(h, w, CV_32FC1); Mat mapY = new Mat(h, w, CV_32FC1);
                FloatIndexer mx = mapX.createIndexer(); FloatIndexer my = mapY.createIndexer();
                Scalar black = new Scalar(0, 0, 0, 0)) {
            float[] dx = new float[w * h];
            float[] dy = new float[w * h];
            int reach = (int) Math.ceil(3 * sigma);
            for (double[] b : bumps) {
                int x0 = Math.max(0, (int) b[0] - reach);
                int x1 = Math.min(w - 1, (int) b[0] + reach);
                int y0 = Math.max(0, (int) b[1] - reach);
                int y1 = Math.min(h - 1, (int) b[1] + reach);
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        double r2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (sigma * sigma);
                        if (r2 < 9) {
                            double k = Math.exp(-r2 / 2);
                            dx[y * w + x] += (float) (b[2] * k);
                            dy[y * w + x] += (float) (b[3] * k);
                        }
                    }
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    mx.put(y, x, x - dx[y * w + x]);
                    my.put(y, x, y - dy[y * w + x]);
                }
            }
            remap(src, dst, mapX, mapY, INTER_LINEAR, BORDER_REPLICATE, black);
            return MatImages.toBufferedImage(dst);
        }
    }
}
