package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * A {@link KerasModel} as a self-contained GraphDef (a {@link GraphModelFile}): the functional
 * model is built from the backend's layers in a scratch graph, each variable becomes a constant of
 * its trained value, every node moves under {@code keras/}, the input placeholder takes the input
 * layer's name and each layer's output gets an Identity named after the layer. What only the
 * variables' initialisation needed is dropped.
 */
final class KerasFreeze {
    private static final String PREFIX = "keras/";

    private KerasFreeze() {}

    static GraphModelFile frozen(KerasModel model, Path file, Map<String, String> metadata) {
        GraphDef def;
        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, NdArray> values = new HashMap<>();
        String placeholder;
        long[] inputShape = batched(model.inputShape());
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Placeholder<TFloat32> in =
                    g.tf().withName("input")
                            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(inputShape)));
            placeholder = in.op().name();
            KerasModel.Forwarded f = model.allLayers().forward(g, in);
            for (Map.Entry<String, Operand<TFloat32>> e : f.outputs().entrySet()) {
                var o = e.getValue().asOutput();
                outputs.put(e.getKey(), o.op().name() + (o.index() == 0 ? "" : ":" + o.index()));
            }
            for (WeightVariable<TFloat32> v : f.model().variables()) {
                values.put(v.variable().op().name(), model.checkedWeight(v));
            }
            def = inferenceOnly(g.graph().toGraphDef());
        }
        GraphDef.Builder out = GraphDef.newBuilder();
        for (NodeDef n : needed(def, outputs.values(), values.keySet())) {
            boolean state = n.getOp().startsWith("Variable") && !values.containsKey(n.getName());
            out.addNode(
                    state ? initial(n, def) : rewrite(n, values, placeholder, model.inputName()));
        }
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            out.addNode(
                    NodeDef.newBuilder()
                            .setName(e.getKey())
                            .setOp("Identity")
                            .addInput(PREFIX + e.getValue())
                            .putAttr(
                                    "T",
                                    AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
        }
        List<TensorSpec> ins = List.of(new TensorSpec(model.inputName(), "DT_FLOAT", inputShape));
        List<TensorSpec> outs =
                model.outputNames().stream()
                        .map(o -> new TensorSpec(o, "DT_FLOAT", new long[0]))
                        .toList();
        return new GraphModelFile(file, out.build(), ins, outs, model.parameters(), metadata);
    }

    /**
     * {@code def} with every {@code select(false, a, b)} (the training switch of batch norm and
     * dropout, fed a constant false here) replaced by the Identity of {@code b}, so that pruning
     * drops the batch statistics and the dropout masks.
     */
    static GraphDef inferenceOnly(GraphDef def) {
        Map<String, NodeDef> byName = new HashMap<>();
        for (NodeDef n : def.getNodeList()) byName.put(n.getName(), n);
        GraphDef.Builder out = GraphDef.newBuilder();
        for (NodeDef n : def.getNodeList()) {
            boolean select = n.getOp().equals("SelectV2") || n.getOp().equals("Select");
            if (select && isFalse(byName.get(node(n.getInput(0))))) {
                out.addNode(
                        NodeDef.newBuilder()
                                .setName(n.getName())
                                .setOp("Identity")
                                .addInput(n.getInput(2))
                                .putAttr("T", n.getAttrOrThrow("T")));
            } else {
                out.addNode(n);
            }
        }
        return out.build();
    }

    private static boolean isFalse(NodeDef n) {
        if (n == null || !n.getOp().equals("Const")) return false;
        var t = n.getAttrOrThrow("value").getTensor();
        return t.getDtype() == DataType.DT_BOOL
                && t.getTensorShape().getDimCount() == 0
                && t.getBoolValCount() == 1
                && !t.getBoolVal(0);
    }

    private static long[] batched(long[] shape) {
        long[] s = new long[shape.length + 1];
        s[0] = -1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /**
     * The nodes the tensors {@code fetches} depend on, in graph order. A variable without a trained
     * value (dropout's mask counter) is followed to its initial value instead.
     */
    private static List<NodeDef> needed(
            GraphDef def, java.util.Collection<String> fetches, Set<String> weighted) {
        Map<String, NodeDef> byName = new HashMap<>();
        Map<String, String> initialValue = new HashMap<>();
        for (NodeDef n : def.getNodeList()) {
            byName.put(n.getName(), n);
            if (n.getOp().equals("Assign")) initialValue.put(n.getInput(0), n.getInput(1));
        }
        Set<String> keep = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        fetches.forEach(f -> todo.push(node(f)));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            NodeDef n = byName.get(name);
            if (n == null || !keep.add(name) || weighted.contains(name)) continue;
            if (n.getOp().startsWith("Variable")) {
                todo.push(node(initialValue.get(name)));
                continue;
            }
            for (String in : n.getInputList()) todo.push(node(in));
        }
        return def.getNodeList().stream().filter(n -> keep.contains(n.getName())).toList();
    }

    /** A variable node without a trained value becomes the Identity of its initial value. */
    private static NodeDef initial(NodeDef variable, GraphDef def) {
        for (NodeDef n : def.getNodeList()) {
            if (n.getOp().equals("Assign") && n.getInput(0).equals(variable.getName())) {
                return NodeDef.newBuilder()
                        .setName(PREFIX + variable.getName())
                        .setOp("Identity")
                        .addInput(PREFIX + n.getInput(1))
                        .putAttr("T", variable.getAttrOrThrow("dtype"))
                        .build();
            }
        }
        throw new IllegalStateException("variable " + variable.getName() + " has no initial value");
    }

    private static String node(String tensor) {
        return tensor.replaceFirst("^\\^", "").replaceFirst(":\\d+$", "");
    }

    private static NodeDef rewrite(
            NodeDef n, Map<String, NdArray> values, String placeholder, String inputName) {
        if (n.getName().equals(placeholder)) {
            return n.toBuilder().setName(inputName).build();
        }
        NdArray v = values.get(n.getName());
        if (v != null) {
            return NodeDef.newBuilder()
                    .setName(PREFIX + n.getName())
                    .setOp("Const")
                    .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                    .putAttr(
                            "value",
                            AttrValue.newBuilder()
                                    .setTensor(
                                            GraphDefBuilder.tensor(
                                                    v, DataType.DT_FLOAT, n.getName()))
                                    .build())
                    .build();
        }
        NodeDef.Builder b = n.toBuilder().setName(PREFIX + n.getName()).clearInput();
        for (String in : n.getInputList()) {
            String ref = in.startsWith("^") ? in.substring(1) : in;
            String renamed =
                    node(ref).equals(placeholder)
                            ? inputName + ref.substring(node(ref).length())
                            : PREFIX + ref;
            b.addInput(in.startsWith("^") ? "^" + renamed : renamed);
        }
        return b.build();
    }
}
