package io.dlkit.backend.tfjs;

import com.google.protobuf.ByteString;
import io.dlkit.backend.io.NdArray;
import java.util.List;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/** Appends NodeDefs to a GraphDef with typed attribute helpers. */
final class NodeWriter {
    private final GraphDef.Builder graph = GraphDef.newBuilder();

    /** A node of {@code op} with float {@code T}, the given inputs and attributes. */
    NodeDef.Builder op(String name, String op, String... inputs) {
        NodeDef.Builder n =
                NodeDef.newBuilder().setName(name).setOp(op).putAttr("T", type(DataType.DT_FLOAT));
        for (String i : inputs) n.addInput(i);
        return n;
    }

    /** Adds {@code n} and returns its name. */
    String add(NodeDef.Builder n) {
        graph.addNode(n);
        return n.getName();
    }

    String placeholder(String name, long[] shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : shape) s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return add(
                NodeDef.newBuilder()
                        .setName(name)
                        .setOp("Placeholder")
                        .putAttr("dtype", type(DataType.DT_FLOAT))
                        .putAttr("shape", AttrValue.newBuilder().setShape(s).build()));
    }

    String constant(String name, NdArray value, DataType type) {
        return add(
                NodeDef.newBuilder()
                        .setName(name)
                        .setOp("Const")
                        .putAttr("dtype", type(type))
                        .putAttr(
                                "value",
                                AttrValue.newBuilder()
                                        .setTensor(GraphDefBuilder.tensor(value, type, name))
                                        .build()));
    }

    String ints(String name, int[] values, long... shape) {
        return constant(name, NdArray.of(values, shape), DataType.DT_INT32);
    }

    static AttrValue type(DataType t) {
        return AttrValue.newBuilder().setType(t).build();
    }

    static AttrValue ints(List<Long> values) {
        return AttrValue.newBuilder()
                .setList(AttrValue.ListValue.newBuilder().addAllI(values))
                .build();
    }

    static AttrValue text(String s) {
        return AttrValue.newBuilder().setS(ByteString.copyFromUtf8(s)).build();
    }

    static AttrValue number(float f) {
        return AttrValue.newBuilder().setF(f).build();
    }

    static AttrValue bool(boolean b) {
        return AttrValue.newBuilder().setB(b).build();
    }

    GraphDef build() {
        return graph.build();
    }
}
