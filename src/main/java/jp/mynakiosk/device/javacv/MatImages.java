package jp.mynakiosk.device.javacv;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Copies pixels between Java 2D images and OpenCV matrices (8-bit BGR), in memory only. */
public final class MatImages {
    private MatImages() {
    }

    /** A new 8-bit 3-channel BGR matrix with the image's pixels; the caller closes it. */
    public static Mat toBgrMat(BufferedImage image) {
        BufferedImage bgr = asThreeByteBgr(image);
        byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CV_8UC3);
        new BytePointer(mat.data()).put(pixels, 0, pixels.length);
        return mat;
    }

    /** A new image from an 8-bit matrix with 1, 3 (BGR) or 4 (BGRA) channels. */
    public static BufferedImage toBufferedImage(Mat mat) {
        if (mat.empty() || mat.depth() != CV_8U) {
            throw new IllegalArgumentException("expected a non-empty 8-bit matrix, got depth " + mat.depth());
        }
        try (Mat bgr = toContinuousBgr(mat)) {
            BufferedImage image = new BufferedImage(bgr.cols(), bgr.rows(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            new BytePointer(bgr.data()).get(pixels, 0, pixels.length);
            return image;
        }
    }

    private static Mat toContinuousBgr(Mat mat) {
        Mat bgr = new Mat();
        switch (mat.channels()) {
            case 1 -> cvtColor(mat, bgr, COLOR_GRAY2BGR);
            case 3 -> mat.copyTo(bgr);
            case 4 -> cvtColor(mat, bgr, COLOR_BGRA2BGR);
            default -> {
                bgr.close();
                throw new IllegalArgumentException("expected 1, 3 or 4 channels, got " + mat.channels());
            }
        }
        return bgr;
    }

    private static BufferedImage asThreeByteBgr(BufferedImage image) {
        boolean packedTight = image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getData().length == image.getWidth() * image.getHeight() * 3
                && image.getRaster().getParent() == null;
        if (packedTight) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
