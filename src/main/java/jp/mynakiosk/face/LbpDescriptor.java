package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Describes a face by local binary patterns (Ahonen et al. 2004): the face crop is scaled to a square,
 * histogram-equalized, every pixel coded by which of its 8 neighbours are brighter, and the codes counted
 * per cell of a grid (58 uniform patterns + 1 bin for the rest). Two faces are compared cell by cell by
 * histogram intersection, giving a similarity from 0 (nothing alike) to 1 (identical).
 */
final class LbpDescriptor {
    private static final int BINS = 59;
    private static final int[] UNIFORM_BIN = uniformBins();

    private final int side;
    private final int grid;

    LbpDescriptor(int side, int grid) {
        if (side < 16 || grid < 1 || side / grid < 4) {
            throw new IllegalArgumentException("side " + side + " and grid " + grid + " leave cells too small");
        }
        this.side = side;
        this.grid = grid;
    }

    /** Per-cell normalized histograms, cell after cell. */
    float[] describe(Mat grey, FaceRegion face) {
        byte[] pixels = normalizedCrop(grey, face);
        float[] histograms = new float[grid * grid * BINS];
        int[] cellCounts = new int[grid * grid];
        for (int y = 1; y < side - 1; y++) {
            for (int x = 1; x < side - 1; x++) {
                int cell = Math.min(y * grid / side, grid - 1) * grid + Math.min(x * grid / side, grid - 1);
                histograms[cell * BINS + UNIFORM_BIN[code(pixels, x, y)]]++;
                cellCounts[cell]++;
            }
        }
        for (int cell = 0; cell < cellCounts.length; cell++) {
            for (int bin = 0; bin < BINS; bin++) {
                histograms[cell * BINS + bin] /= cellCounts[cell];
            }
        }
        return histograms;
    }

    /** Mean histogram intersection over the cells: 1 for identical descriptors. */
    double similarity(float[] a, float[] b) {
        if (a.length != b.length || a.length != grid * grid * BINS) {
            throw new IllegalArgumentException("descriptors of different shapes: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.min(a[i], b[i]);
        }
        return sum / (grid * grid);
    }

    private byte[] normalizedCrop(Mat grey, FaceRegion face) {
        int x = Math.max(0, face.x());
        int y = Math.max(0, face.y());
        int width = Math.min(grey.cols(), face.x() + face.width()) - x;
        int height = Math.min(grey.rows(), face.y() + face.height()) - y;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("face region lies outside the image");
        }
        try (Rect box = new Rect(x, y, width, height); Mat crop = new Mat(grey, box);
                Mat scaled = new Mat(); Mat equalized = new Mat(); Size size = new Size(side, side)) {
            resize(crop, scaled, size, 0, 0, INTER_AREA);
            equalizeHist(scaled, equalized);
            byte[] pixels = new byte[side * side];
            new BytePointer(equalized.data()).get(pixels, 0, pixels.length);
            return pixels;
        }
    }

    private int code(byte[] p, int x, int y) {
        int centre = p[y * side + x] & 0xFF;
        int code = 0;
        code |= bit(p, x - 1, y - 1, centre) << 7;
        code |= bit(p, x, y - 1, centre) << 6;
        code |= bit(p, x + 1, y - 1, centre) << 5;
        code |= bit(p, x + 1, y, centre) << 4;
        code |= bit(p, x + 1, y + 1, centre) << 3;
        code |= bit(p, x, y + 1, centre) << 2;
        code |= bit(p, x - 1, y + 1, centre) << 1;
        code |= bit(p, x - 1, y, centre);
        return code;
    }

    private int bit(byte[] p, int x, int y, int centre) {
        return (p[y * side + x] & 0xFF) >= centre ? 1 : 0;
    }

    /** Maps the 256 codes to 58 bins for patterns with at most two 0/1 transitions and one bin for all others. */
    private static int[] uniformBins() {
        int[] bins = new int[256];
        int next = 0;
        for (int code = 0; code < 256; code++) {
            int rotated = ((code << 1) | (code >>> 7)) & 0xFF;
            bins[code] = Integer.bitCount(code ^ rotated) <= 2 ? next++ : BINS - 1;
        }
        return bins;
    }
}
