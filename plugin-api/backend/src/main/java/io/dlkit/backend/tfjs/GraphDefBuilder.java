package io.dlkit.backend.tfjs;

import com.google.protobuf.ByteString;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Turns a TF.js graph model's {@code modelTopology} (a GraphDef in protobuf-JSON) and its weights
 * into a {@link GraphDef} TensorFlow imports: weights become the {@code value} of their {@code
 * Const} nodes (int32 widened to int64 where the node says so), fused ops are expanded into plain
 * ops ({@link FusedOps}), device pins and internal {@code _} attributes are dropped, and attributes
 * TF.js leaves out ({@code T}, {@code N}) are filled in.
 */
final class GraphDefBuilder {
    /** Ops whose element type attribute {@code T} TF.js may omit: it is float in these models. */
    private static final Set<String> FLOAT_T_OPS =
            Set.of(
                    "Conv2D",
                    "DepthwiseConv2dNative",
                    "BiasAdd",
                    "MatMul",
                    "Relu",
                    "Relu6",
                    "Elu",
                    "Selu",
                    "Sigmoid",
                    "Tanh",
                    "LeakyRelu",
                    "Add",
                    "AddV2",
                    "Sub",
                    "Mul",
                    "RealDiv",
                    "Div",
                    "Maximum",
                    "Minimum",
                    "MaxPool",
                    "AvgPool",
                    "Square",
                    "Sqrt",
                    "Rsqrt",
                    "Abs",
                    "Neg",
                    "Exp",
                    "Log",
                    "Softmax",
                    "Identity",
                    "ResizeBilinear",
                    "ResizeNearestNeighbor",
                    "Squeeze",
                    "Mean",
                    "Sum",
                    "Max",
                    "Min",
                    "Prod",
                    "ConcatV2",
                    "Pack",
                    "Reshape",
                    "Transpose",
                    "Pad",
                    "PadV2",
                    "Tile",
                    "ExpandDims",
                    "StridedSlice",
                    "SplitV",
                    "Split",
                    "AddN",
                    "SquaredDifference");

    private static final Set<String> N_OPS = Set.of("ConcatV2", "Pack", "AddN");

    private final NamedTensors weights;
    private final String source;

    GraphDefBuilder(NamedTensors weights, String source) {
        this.weights = weights;
        this.source = source;
    }

    /** The GraphDef for the {@code node} list of a TF.js {@code modelTopology}. */
    GraphDef build(List<?> nodes) {
        GraphDef.Builder g = GraphDef.newBuilder();
        for (Object n : nodes) {
            NodeDef node = node((Map<?, ?>) n);
            if (FusedOps.isFused(node.getOp())) {
                g.addAllNode(FusedOps.expand(node, source));
            } else {
                g.addNode(node);
            }
        }
        return g.build();
    }

    private NodeDef node(Map<?, ?> json) {
        String name = String.valueOf(json.get("name"));
        String op = String.valueOf(json.get("op"));
        String where = source + ": node '" + name + "'";
        NodeDef.Builder n = NodeDef.newBuilder().setName(name).setOp(op);
        if (json.get("input") instanceof List<?> inputs) {
            inputs.forEach(i -> n.addInput(String.valueOf(i)));
        }
        if (json.get("attr") instanceof Map<?, ?> attrs) {
            for (Map.Entry<?, ?> a : attrs.entrySet()) {
                String key = String.valueOf(a.getKey());
                if (key.startsWith("_")) continue;
                n.putAttr(key, ProtoJson.attr((Map<?, ?>) a.getValue(), where));
            }
        }
        if (op.equals("Const")) fillConst(n, where);
        fillDropped(n);
        return n.build();
    }

    private void fillConst(NodeDef.Builder n, String where) {
        NdArray w = weights.get(n.getName());
        if (w == null) {
            if (!n.containsAttr("value")) {
                throw new DataFormatException(
                        where
                                + " is a constant with no value and no weight"
                                + " of that name; are the .bin files the ones of this model.json?");
            }
            return;
        }
        DataType type =
                n.containsAttr("dtype") ? n.getAttrOrThrow("dtype").getType() : DataType.DT_FLOAT;
        n.putAttr("dtype", AttrValue.newBuilder().setType(type).build());
        n.putAttr("value", AttrValue.newBuilder().setTensor(tensor(w, type, where)).build());
    }

    /** A TensorProto of {@code type} holding {@code w}, little-endian in tensor_content. */
    static TensorProto tensor(NdArray w, DataType type, String where) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : w.shape()) shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        ByteBuffer b;
        switch (type) {
            case DT_FLOAT -> {
                float[] v = w.floats();
                b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
            }
            case DT_INT32 -> {
                int[] v = w.ints();
                b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asIntBuffer().put(v);
            }
            case DT_INT64 -> {
                long[] v = w.longs();
                b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
                b.asLongBuffer().put(v);
            }
            case DT_BOOL -> {
                int[] v = w.ints();
                b = ByteBuffer.allocate(v.length);
                for (int x : v) b.put((byte) (x != 0 ? 1 : 0));
                b.flip();
            }
            default ->
                    throw new DataFormatException(
                            where + " has type " + type + ", which TF.js weights cannot hold");
        }
        return TensorProto.newBuilder()
                .setDtype(type)
                .setTensorShape(shape)
                .setTensorContent(ByteString.copyFrom(b.array()))
                .build();
    }

    private static void fillDropped(NodeDef.Builder n) {
        String op = n.getOp();
        if (!n.containsAttr("T") && FLOAT_T_OPS.contains(op)) {
            n.putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build());
        }
        if (!n.containsAttr("N") && N_OPS.contains(op)) {
            long data = n.getInputList().stream().filter(i -> !i.startsWith("^")).count();
            n.putAttr(
                    "N",
                    AttrValue.newBuilder().setI(op.equals("ConcatV2") ? data - 1 : data).build());
        }
    }
}
