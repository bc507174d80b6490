package io.dlkit.cli.nn;

import com.google.protobuf.ByteString;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * A copy of a built graph in which every float variable's read is a {@code Const} holding its
 * current value, in its own session: {@code dlkit bench infer --frozen-weights}. oneDNN then
 * reorders each convolution's and matmul's weights into its blocked layout once (it caches them for
 * constant filters) instead of at every run. A measuring tool for issue #15 (what an inference path
 * with constant weights would gain); the copy never trains.
 */
final class FrozenCopy implements AutoCloseable {
    private final Graph graph;
    private final Session session;

    private FrozenCopy(Graph graph, Session session) {
        this.graph = graph;
        this.session = session;
    }

    /** Copies {@code g} (initialised) with its float variables' reads as constants. */
    static FrozenCopy of(GraphContext g, int threads) {
        Map<String, TensorProto> values = new HashMap<>();
        for (WeightVariable<?> v : g.variables()) {
            if (v.read().type() != TFloat32.class) continue;
            try (Result r = g.session().runner().fetch(v.read()).run()) {
                values.put(v.read().op().name(), proto((TFloat32) r.get(0)));
            }
        }
        GraphDef.Builder def = g.graph().toGraphDef().toBuilder();
        for (int i = 0; i < def.getNodeCount(); i++) {
            NodeDef node = def.getNode(i);
            TensorProto value = values.get(node.getName());
            if (value == null) continue;
            def.setNode(
                    i,
                    NodeDef.newBuilder()
                            .setName(node.getName())
                            .setOp("Const")
                            .putAttr(
                                    "dtype",
                                    AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                            .putAttr("value", AttrValue.newBuilder().setTensor(value).build()));
        }
        Graph copy = new Graph();
        try {
            copy.importGraphDef(def.build());
            ConfigProto config =
                    ConfigProto.newBuilder()
                            .setIntraOpParallelismThreads(threads)
                            .setInterOpParallelismThreads(threads == 0 ? 0 : 1)
                            .build();
            return new FrozenCopy(copy, new Session(copy, config));
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
    }

    /** The copy's counterpart of {@code original}'s output 0. */
    Output<?> find(Operand<?> original) {
        return graph.operation(original.op().name()).output(0);
    }

    /** The copy's graph. */
    Graph graph() {
        return graph;
    }

    /** The copy's session. */
    Session session() {
        return session;
    }

    private static TensorProto proto(TFloat32 t) {
        byte[] bytes = new byte[Math.toIntExact(t.asRawTensor().numBytes())];
        t.asRawTensor().data().read(bytes);
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : t.shape().asArray())
            shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return TensorProto.newBuilder()
                .setDtype(DataType.DT_FLOAT)
                .setTensorShape(shape)
                .setTensorContent(ByteString.copyFrom(bytes))
                .build();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
