package jp.mynakiosk.face.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts dlib's face recognition ResNet (Davis King, weights public domain) as packaged for TensorFlow.js by
 * the npm package {@code @vladmandic/face-api} ({@code model/face_recognition_model-weights_manifest.json} +
 * {@code face_recognition_model.bin}, weights quantized to uint8) into an ONNX file that OpenCV's DNN reads.
 * The package ships weights only; the graph is written here after face-api's {@code FaceRecognitionNet.ts},
 * {@code residualLayer.ts} and {@code convLayer.ts}: input {@code input} 1x3x150x150, RGB minus the mean
 * (122.782, 117.001, 104.298) divided by 255 (the caller's blobFromImage does that), output
 * {@code embedding} 1x128.
 *
 * <p>Each conv layer is conv + bias, then a per-channel scale (w, b), then ReLU; the scale is folded into the
 * kernel and bias. A down-sampling residual block adds a 2x2 average pool of its input, widened to the new
 * channel count with zero channels (a 1x1 identity convolution here) and, where the strided convolution comes
 * out one pixel smaller than the pool, the convolution's output is padded with a zero row and column at the
 * bottom and right (face-api's concat of zeros). Weights are stored as float16, half the size of float32;
 * the uint8 quantization of the source is far coarser than that rounding.
 *
 * <p>Run by hardware-sim/faces/make-models.sh:
 * {@code java -cp target/test-classes jp.mynakiosk.face.tools.DlibToOnnx manifest.json out.onnx}
 */
public final class DlibToOnnx {
    static final int INPUT_SIDE = 150;

    private final Map<String, float[]> weights = new HashMap<>();
    private final Map<String, long[]> shapes = new HashMap<>();
    private final OnnxWriter onnx = new OnnxWriter();
    private int side;
    private int channels;

    private DlibToOnnx() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DlibToOnnx face_recognition_model-weights_manifest.json dlib-face.onnx");
            System.exit(2);
        }
        byte[] model = new DlibToOnnx().convert(Path.of(args[0]));
        Files.write(Path.of(args[1]), model);
        System.out.println("wrote " + args[1] + " (" + model.length + " bytes)");
    }

    @SuppressWarnings("unchecked")
    private byte[] convert(Path manifest) throws IOException {
        readWeights(manifest.getParent(), (List<Object>) MiniJson.parse(Files.readString(manifest)));
        onnx.input("input", 1, 3, INPUT_SIDE, INPUT_SIDE);
        side = INPUT_SIDE;
        channels = 3;
        String x = conv("input", "conv32_down", 2, 0, true);
        onnx.node("MaxPool", "pool", List.of(x), "pool",
                OnnxWriter.ints("kernel_shape", 3, 3), OnnxWriter.ints("strides", 2, 2));
        side = (side - 3) / 2 + 1;
        x = "pool";
        for (String block : List.of("conv32_1", "conv32_2", "conv32_3", "conv64_down", "conv64_1", "conv64_2",
                "conv64_3", "conv128_down", "conv128_1", "conv128_2", "conv256_down", "conv256_1", "conv256_2",
                "conv256_down_out")) {
            x = block.contains("down") ? residualDown(x, block) : residual(x, block);
        }
        onnx.node("GlobalAveragePool", "mean", List.of(x), "mean");
        onnx.node("Flatten", "flat", List.of("mean"), "flat", OnnxWriter.intAttr("axis", 1));
        float[] fc = weight("fc");
        long[] fcShape = shapes.get("fc");
        if (fcShape[0] != channels) {
            throw new IllegalArgumentException("fc expects " + fcShape[0] + " inputs, the network gives " + channels);
        }
        onnx.halfInitializer("fc", fcShape, fc);
        onnx.node("MatMul", "fc", List.of("flat", "fc"), "embedding");
        onnx.output("embedding", 1, fcShape[1]);
        return onnx.model("dlib-face-recognition-resnet", "myna-kiosk DlibToOnnx");
    }

    private String residual(String x, String block) {
        String a = conv(x, block + "/conv1", 1, 1, true);
        String b = conv(a, block + "/conv2", 1, 1, false);
        onnx.node("Add", block + "/add", List.of(b, x), block + "/add");
        onnx.node("Relu", block + "/relu", List.of(block + "/add"), block + "/out");
        return block + "/out";
    }

    private String residualDown(String x, String block) {
        int inSide = side;
        int inChannels = channels;
        String a = conv(x, block + "/conv1", 2, 0, true);
        String b = conv(a, block + "/conv2", 1, 1, false);
        int pooledSide = inSide / 2;
        if (pooledSide != side) {
            if (pooledSide != side + 1) {
                throw new IllegalArgumentException(block + ": pooled side " + pooledSide + ", conv side " + side);
            }
            onnx.longInitializer(block + "/pads", new long[] {8}, new long[] {0, 0, 0, 0, 0, 0, 1, 1});
            onnx.node("Pad", block + "/pad", List.of(b, block + "/pads"), block + "/padded");
            b = block + "/padded";
            side = pooledSide;
        }
        onnx.node("AveragePool", block + "/pool", List.of(x), block + "/pool",
                OnnxWriter.ints("kernel_shape", 2, 2), OnnxWriter.ints("strides", 2, 2));
        String shortcut = block + "/pool";
        if (inChannels != channels) {
            float[] widen = new float[channels * inChannels];
            for (int c = 0; c < inChannels; c++) {
                widen[c * inChannels + c] = 1;
            }
            onnx.halfInitializer(block + "/widen/W", new long[] {channels, inChannels, 1, 1}, widen);
            onnx.node("Conv", block + "/widen", List.of(shortcut, block + "/widen/W"), block + "/widen",
                    OnnxWriter.ints("kernel_shape", 1, 1));
            shortcut = block + "/widen";
        }
        onnx.node("Add", block + "/add", List.of(b, shortcut), block + "/add");
        onnx.node("Relu", block + "/relu", List.of(block + "/add"), block + "/out");
        return block + "/out";
    }

    /** conv + bias, per-channel scale folded in, optional ReLU; returns the output name. */
    private String conv(String x, String layer, int stride, int pad, boolean relu) {
        float[] k = weight(layer + "/conv/filters");
        long[] s = shapes.get(layer + "/conv/filters");
        int kh = (int) s[0];
        int kw = (int) s[1];
        int cin = (int) s[2];
        int cout = (int) s[3];
        if (cin != channels) {
            throw new IllegalArgumentException(layer + " expects " + cin + " channels, got " + channels);
        }
        float[] bias = weight(layer + "/conv/bias");
        float[] scale = weight(layer + "/scale/weights");
        float[] shift = weight(layer + "/scale/biases");
        float[] oihw = new float[k.length];
        float[] b = new float[cout];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < cin; i++) {
                for (int h = 0; h < kh; h++) {
                    for (int w = 0; w < kw; w++) {
                        oihw[((o * cin + i) * kh + h) * kw + w] = k[((h * kw + w) * cin + i) * cout + o] * scale[o];
                    }
                }
            }
            b[o] = bias[o] * scale[o] + shift[o];
        }
        onnx.halfInitializer(layer + "/W", new long[] {cout, cin, kh, kw}, oihw);
        onnx.halfInitializer(layer + "/B", new long[] {cout}, b);
        String out = layer + "/conv";
        onnx.node("Conv", layer, List.of(x, layer + "/W", layer + "/B"), out,
                OnnxWriter.ints("kernel_shape", kh, kw),
                OnnxWriter.ints("strides", stride, stride),
                OnnxWriter.ints("pads", pad, pad, pad, pad));
        side = (side + 2 * pad - kh) / stride + 1;
        channels = cout;
        if (!relu) {
            return out;
        }
        onnx.node("Relu", layer + "/relu", List.of(out), layer + "/relu");
        return layer + "/relu";
    }

    private float[] weight(String name) {
        float[] w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("the manifest has no weight " + name);
        }
        return w;
    }

    @SuppressWarnings("unchecked")
    private void readWeights(Path dir, List<Object> manifest) throws IOException {
        for (Object g : manifest) {
            Map<String, Object> group = (Map<String, Object>) g;
            ByteBuffer data = ByteBuffer.allocate(0);
            for (Object p : (List<Object>) group.get("paths")) {
                byte[] shard = Files.readAllBytes(dir.resolve((String) p));
                data = ByteBuffer.allocate(data.capacity() + shard.length).put(data.array()).put(shard);
            }
            data.flip();
            data.order(ByteOrder.LITTLE_ENDIAN);
            for (Object w : (List<Object>) group.get("weights")) {
                Map<String, Object> weight = (Map<String, Object>) w;
                long[] shape = ((List<Object>) weight.get("shape")).stream()
                        .mapToLong(d -> ((Double) d).longValue()).toArray();
                int count = 1;
                for (long d : shape) {
                    count = Math.multiplyExact(count, (int) d);
                }
                Map<String, Object> quant = (Map<String, Object>) weight.get("quantization");
                float[] values = new float[count];
                if (quant == null) {
                    if (!"float32".equals(weight.get("dtype"))) {
                        throw new IllegalArgumentException("unsupported weight type " + weight.get("dtype"));
                    }
                    for (int i = 0; i < count; i++) {
                        values[i] = data.getFloat();
                    }
                } else {
                    if (!"uint8".equals(quant.get("dtype"))) {
                        throw new IllegalArgumentException("unsupported quantization " + quant.get("dtype"));
                    }
                    // As tfjs dequantizes: value = q * scale + min.
                    float scale = ((Double) quant.get("scale")).floatValue();
                    float min = ((Double) quant.get("min")).floatValue();
                    for (int i = 0; i < count; i++) {
                        values[i] = (data.get() & 0xFF) * scale + min;
                    }
                }
                weights.put((String) weight.get("name"), values);
                shapes.put((String) weight.get("name"), shape);
            }
            if (data.hasRemaining()) {
                throw new IllegalArgumentException("weight file has " + data.remaining() + " bytes the manifest does not describe");
            }
        }
    }
}
