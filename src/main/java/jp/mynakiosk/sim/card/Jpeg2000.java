package jp.mynakiosk.sim.card;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * JPEG 2000 through OpenCV. The OpenCV build shipped with JavaCV has its Jasper codec switched off unless
 * the process environment says {@code OPENCV_IO_ENABLE_JASPER=1}, read once at the first JPEG 2000 use;
 * Java cannot change its own environment, so libc's {@code setenv} is called through JNA first.
 * The kiosk's face code needs the same switch before it decodes a card photo.
 */
public final class Jpeg2000 {
    public static final String SWITCH = "OPENCV_IO_ENABLE_JASPER";

    private Jpeg2000() {
    }

    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Sets the switch in this process's environment; harmless to call again. */
    public static void enableInOpenCv() {
        if ("1".equals(System.getenv(SWITCH))) {
            return;
        }
        LibC libc = Native.load("c", LibC.class);
        if (libc.setenv(SWITCH, "1", 1) != 0) {
            throw new IllegalStateException("setenv(" + SWITCH + ") failed; OpenCV cannot code JPEG 2000");
        }
    }

    /** Encodes an 8-bit BGR image as a JP2 file; {@code rateX1000} 1..1000 (1000 = lossless). */
    public static byte[] encode(Mat image, int rateX1000) {
        enableInOpenCv();
        try (BytePointer out = new BytePointer();
                IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG2000_COMPRESSION_X1000, rateX1000)) {
            if (!opencv_imgcodecs.imencode(".jp2", image, out, params)) {
                throw new IllegalStateException("OpenCV could not encode JPEG 2000");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        } catch (RuntimeException e) {
            throw new IllegalStateException("OpenCV JPEG 2000 encoder unavailable (is " + SWITCH
                    + " set before OpenCV first used JPEG 2000?): " + e.getMessage(), e);
        }
    }

    /** Decodes JPEG 2000 bytes to an 8-bit BGR image; an empty Mat when they are not a decodable image. */
    public static Mat decode(byte[] jpeg2000) {
        enableInOpenCv();
        try (Mat encoded = new Mat(jpeg2000)) {
            return opencv_imgcodecs.imdecode(encoded, opencv_imgcodecs.IMREAD_COLOR);
        }
    }
}
