package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_dnn.DNN_BACKEND_OPENCV;
import static org.bytedeco.opencv.global.opencv_dnn.DNN_TARGET_CPU;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromONNX;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromTFLite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_dnn.Net;

/** Loads the face models shipped under src/main/resources/jp/mynakiosk/face/models straight from memory. */
final class ModelResources {
    static final String DIR = "/jp/mynakiosk/face/models/";
    /** Far above either model (12.8 MB and 0.2 MB); refuses a corrupted class path entry before reading it. */
    private static final int MAX_MODEL_BYTES = 64 * 1024 * 1024;

    private ModelResources() {
    }

    static Net onnx(String name) {
        return load(name, true);
    }

    static Net tflite(String name) {
        return load(name, false);
    }

    private static Net load(String name, boolean onnx) {
        byte[] bytes = read(name);
        try (BytePointer buffer = new BytePointer(bytes.length)) {
            buffer.put(bytes, 0, bytes.length);
            Net net = onnx ? readNetFromONNX(buffer, bytes.length) : readNetFromTFLite(buffer, bytes.length);
            if (net.empty()) {
                net.close();
                throw new IllegalStateException("OpenCV could not read the face model " + DIR + name);
            }
            net.setPreferableBackend(DNN_BACKEND_OPENCV);
            net.setPreferableTarget(DNN_TARGET_CPU);
            return net;
        }
    }

    private static byte[] read(String name) {
        try (InputStream in = ModelResources.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("face model " + DIR + name + " is not on the class path");
            }
            byte[] bytes = in.readNBytes(MAX_MODEL_BYTES + 1);
            if (bytes.length > MAX_MODEL_BYTES) {
                throw new IllegalStateException("face model " + DIR + name + " is larger than " + MAX_MODEL_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the face model " + DIR + name, e);
        }
    }
}
