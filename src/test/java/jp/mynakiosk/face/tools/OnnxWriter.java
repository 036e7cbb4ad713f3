package jp.mynakiosk.face.tools;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the small subset of the ONNX protobuf schema (onnx.proto, IR version 7, opset 13) that a
 * feed-forward convolutional network needs: nodes with int/ints/float attributes, float initializers, and
 * fixed-shape float inputs and outputs. Field numbers are those of onnx.proto.
 */
final class OnnxWriter {
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int FLOAT16 = 10;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    /** A node; attributes are built with {@link #ints}, {@link #intAttr}. */
    void node(String opType, String name, List<String> in, String out, byte[]... attributes) {
        Proto n = new Proto();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, out);
        n.string(3, name);
        n.string(4, opType);
        for (byte[] a : attributes) {
            n.bytes(5, a);
        }
        nodes.add(n.toBytes());
    }

    static byte[] ints(String name, long... values) {
        Proto a = new Proto();
        a.string(1, name);
        for (long v : values) {
            a.varintField(8, v);
        }
        a.varintField(20, 7);
        return a.toBytes();
    }

    static byte[] intAttr(String name, long value) {
        Proto a = new Proto();
        a.string(1, name);
        a.varintField(3, value);
        a.varintField(20, 2);
        return a.toBytes();
    }

    void initializer(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        tensor(name, dims, FLOAT, raw.array());
    }

    /** Stored as IEEE half floats (rounded to nearest even): half the bytes; OpenCV widens them on load. */
    void halfInitializer(String name, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putShort(Half.fromFloat(v));
        }
        tensor(name, dims, FLOAT16, raw.array());
    }

    void longInitializer(String name, long[] dims, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        tensor(name, dims, INT64, raw.array());
    }

    private void tensor(String name, long[] dims, int type, byte[] raw) {
        Proto t = new Proto();
        for (long d : dims) {
            t.varintField(1, d);
        }
        t.varintField(2, type);
        t.string(8, name);
        t.bytes(9, raw);
        initializers.add(t.toBytes());
    }

    void input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
    }

    void output(String name, long... dims) {
        outputs.add(valueInfo(name, dims));
    }

    byte[] model(String graphName, String producer) {
        Proto g = new Proto();
        nodes.forEach(n -> g.bytes(1, n));
        g.string(2, graphName);
        initializers.forEach(i -> g.bytes(5, i));
        inputs.forEach(i -> g.bytes(11, i));
        outputs.forEach(o -> g.bytes(12, o));
        Proto opset = new Proto();
        opset.string(1, "");
        opset.varintField(2, 13);
        Proto m = new Proto();
        m.varintField(1, 7);
        m.string(2, producer);
        m.bytes(7, g.toBytes());
        m.bytes(8, opset.toBytes());
        return m.toBytes();
    }

    private static byte[] valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            Proto dim = new Proto();
            dim.varintField(1, d);
            shape.bytes(1, dim.toBytes());
        }
        Proto tensor = new Proto();
        tensor.varintField(1, FLOAT);
        tensor.bytes(2, shape.toBytes());
        Proto type = new Proto();
        type.bytes(1, tensor.toBytes());
        Proto info = new Proto();
        info.string(1, name);
        info.bytes(2, type.toBytes());
        return info.toBytes();
    }

    /** Protobuf wire format: varint (type 0) and length-delimited (type 2) fields. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varintField(int field, long value) {
            varint((long) field << 3);
            varint(value);
        }

        void string(int field, String value) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
        }

        private void varint(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
