package jp.mynakiosk.face;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * Turns a face, aligned to its network's layout, into a unit-length embedding with one of the
 * {@link FaceNetwork}s; two faces are compared by the cosine of their embeddings. Calls are serialized: a Net
 * is not thread-safe.
 */
final class FaceEmbedder implements AutoCloseable {
    private final FaceNetwork network;
    private final Net net;

    FaceEmbedder(FaceNetwork network) {
        this.network = network;
        this.net = ModelResources.onnx(network.model);
    }

    FaceNetwork network() {
        return network;
    }

    /** The embedding of a face aligned to {@link FaceNetwork#layout} at {@link FaceNetwork#input} pixels, length 1. */
    synchronized float[] embed(Mat alignedBgr) {
        if (net.isNull()) {
            throw new IllegalStateException("face embedder " + network + " is closed");
        }
        // Adding the mirrored face's embedding was measured too: it helped FaceRes fed RGB (AUC 0.989 -> 0.991),
        // not FaceRes fed BGR nor dlib's net, and doubles the time.
        float[] embedding = new float[network.dimensions];
        // blobFromImage subtracts the mean in the order of the channels it outputs.
        try (Size size = new Size(network.input, network.input);
                Scalar mean = network.rgb ? new Scalar(network.meanR, network.meanG, network.meanB, 0)
                        : new Scalar(network.meanB, network.meanG, network.meanR, 0);
                Mat blob = new Mat()) {
            blobFromImage(alignedBgr, blob, network.scale, size, mean, network.rgb, false, CV_32F);
            net.setInput(blob);
            try (Mat out = net.forward()) {
                if (out.total() != network.dimensions) {
                    throw new IllegalStateException("face embedder " + network + " gave " + out.total()
                            + " values, expected " + network.dimensions);
                }
                new FloatPointer(out.data()).get(embedding);
            }
        }
        return unit(embedding);
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

    /** Cosine similarity of two unit embeddings, -1..1. */
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
