package io.dlkit.backend.runtime;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reading and writing graph-definition nodes, for {@link FrozenGraph} and {@link
 * ConvFusionRewrite}: input references ({@code ^op}, {@code op}, {@code op:2}), float constants and
 * their values, attributes.
 */
final class NodeDefs {
    private NodeDefs() {}

    /** The operation name of an input reference ({@code ^op}, {@code op} or {@code op:2}). */
    static String opName(String input) {
        String op = input.startsWith("^") ? input.substring(1) : input;
        int colon = op.indexOf(':');
        return colon < 0 ? op : op.substring(0, colon);
    }

    /** The output index of an input reference (0 without one, -1 for a control input). */
    static int outputIndex(String input) {
        if (input.startsWith("^")) return -1;
        int colon = input.indexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(input.substring(colon + 1));
    }

    /** A float {@code Const} node holding {@code value}. */
    static NodeDef constant(String name, String device, TensorProto value) {
        return NodeDef.newBuilder()
                .setName(name)
                .setOp("Const")
                .setDevice(device)
                .putAttr("dtype", floatType())
                .putAttr("value", AttrValue.newBuilder().setTensor(value).build())
                .build();
    }

    /** A float tensor of {@code shape} with {@code content} (little-endian float32 bytes). */
    static TensorProto floatTensor(TensorShapeProto shape, ByteString content) {
        return TensorProto.newBuilder()
                .setDtype(DataType.DT_FLOAT)
                .setTensorShape(shape)
                .setTensorContent(content)
                .build();
    }

    /** A float tensor of {@code shape} holding {@code values}. */
    static TensorProto floatTensor(TensorShapeProto shape, float[] values) {
        ByteBuffer b =
                ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return floatTensor(shape, UnsafeByteOperations.unsafeWrap(b.array()));
    }

    /** The shape {@code dims}. */
    static TensorShapeProto shape(long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return s.build();
    }

    /** A float constant's values from its content bytes, or null (another type or layout). */
    static float[] floats(TensorProto t) {
        if (t.getDtype() != DataType.DT_FLOAT || t.getTensorContent().isEmpty()) return null;
        ByteBuffer b = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(v);
        return v;
    }

    /**
     * Whether a float constant holds only zeros, in content bytes or as repeated values (none
     * repeated means zeros).
     */
    static boolean allZero(TensorProto t) {
        if (t.getDtype() != DataType.DT_FLOAT) return false;
        float[] v = floats(t);
        if (v != null) {
            for (float x : v) if (x != 0f) return false;
            return true;
        }
        for (int i = 0; i < t.getFloatValCount(); i++) if (t.getFloatVal(i) != 0f) return false;
        return true;
    }

    static AttrValue floatType() {
        return AttrValue.newBuilder().setType(DataType.DT_FLOAT).build();
    }

    static AttrValue nhwcFormat() {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8("NHWC")).build();
    }

    static boolean attrBool(NodeDef n, String name, boolean absent) {
        AttrValue v = n.getAttrOrDefault(name, null);
        return v == null ? absent : v.getB();
    }

    static boolean nhwc(NodeDef n) {
        AttrValue v = n.getAttrOrDefault("data_format", null);
        return v == null || v.getS().toStringUtf8().equals("NHWC");
    }

    static boolean isFloat(NodeDef n, String attr) {
        AttrValue v = n.getAttrOrDefault(attr, null);
        return v != null && v.getType() == DataType.DT_FLOAT;
    }
}
