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
    static final double AMPLITUDE = 4;
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
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = 0;
                    double dy = 0;
                    for (double[] b : bumps) {
                        double r2 = ((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1])) / (sigma * sigma);
                        if (r2 < 9) {
                            double k = Math.exp(-r2 / 2);
                            dx += b[2] * k;
                            dy += b[3] * k;
                        }
                    }
                    mx.put(y, x, (float) (x - dx));
                    my.put(y, x, (float) (y - dy));
                }
            }
            remap(src, dst, mapX, mapY, INTER_LINEAR, BORDER_REPLICATE, black);
            return MatImages.toBufferedImage(dst);
        }
    }
}
