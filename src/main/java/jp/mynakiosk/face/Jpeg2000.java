package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG2000_COMPRESSION_X1000;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import jp.mynakiosk.device.javacv.MatImages;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * OpenCV's JPEG 2000 codec. The JavaCV build of OpenCV 4.13 uses Jasper 1.900.1 (not OpenJPEG), and Jasper
 * refuses to run unless the environment variable {@code OPENCV_IO_ENABLE_JASPER} is set when OpenCV first
 * touches a JPEG 2000 image; OpenCV then remembers the answer for the life of the process. Java cannot set
 * its own environment, so this class calls libc {@code setenv} through JNA before any JPEG 2000 work.
 * Everything in the kiosk that encodes or decodes JPEG 2000 must go through here (or the process must be
 * started with {@code OPENCV_IO_ENABLE_JASPER=1}, which also spares the native call); otherwise the first
 * caller can switch the codec off for good. Jasper 1.900.1 has known CVEs: decode only what the card gave.
 */
public final class Jpeg2000 {
    static final String SWITCH = "OPENCV_IO_ENABLE_JASPER";
    private static final boolean ENABLED = enableJasper();

    private Jpeg2000() {
    }

    /** True when the codec switch is set; a no-op after the first call. */
    public static boolean ensureEnabled() {
        return ENABLED;
    }

    /**
     * Encodes an image as a JP2 file, as the card's face photo is stored.
     *
     * @param compressionX1000 target size in thousandths of the raw size (1000 = lossless), as in OpenCV
     */
    public static byte[] encode(BufferedImage image, int compressionX1000) {
        try (Mat bgr = MatImages.toBgrMat(image)) {
            return encode(bgr, compressionX1000);
        }
    }

    /** Encodes an 8-bit BGR image as a JP2 file; see {@link #encode(BufferedImage, int)}. */
    public static byte[] encode(Mat bgr, int compressionX1000) {
        if (compressionX1000 < 1 || compressionX1000 > 1000) {
            throw new IllegalArgumentException("compressionX1000 must be 1..1000, got " + compressionX1000);
        }
        if (!ensureEnabled()) {
            throw new IllegalStateException("could not set " + SWITCH + "; OpenCV cannot encode JPEG 2000");
        }
        try (BytePointer out = new BytePointer();
                IntPointer params = new IntPointer(IMWRITE_JPEG2000_COMPRESSION_X1000, compressionX1000)) {
            if (!imencode(".jp2", bgr, out, params)) {
                throw new IllegalStateException("OpenCV could not encode JPEG 2000");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /**
     * Decodes JP2 bytes to an 8-bit BGR image; an empty Mat when they are not decodable. Only for images this
     * process made (the simulator, tests): photos read from a card go through {@link CardPhotoDecoder}, which
     * bounds their size before the decoder sees them.
     */
    public static Mat decode(byte[] jp2) {
        ensureEnabled();
        try (Mat encoded = new Mat(jp2)) {
            return imdecode(encoded, IMREAD_COLOR);
        }
    }

    private static boolean enableJasper() {
        String preset = System.getenv(SWITCH);
        if (preset != null && List.of("1", "true", "on", "yes").contains(preset.trim().toLowerCase(Locale.ROOT))) {
            return true; // the launcher set it: no native call needed
        }
        try {
            return LibC.INSTANCE.setenv(SWITCH, "1", 1) == 0;
        } catch (LinkageError e) {
            // JNA could not load (e.g. a temp directory mounted noexec): the launcher must set the variable.
            return false;
        }
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int setenv(String name, String value, int overwrite);
    }
}
