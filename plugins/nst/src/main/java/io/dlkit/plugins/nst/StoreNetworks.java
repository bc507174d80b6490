package io.dlkit.plugins.nst;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModelFile;
import io.dlkit.backend.tfjs.LayersModelFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

/**
 * Loss networks from the model store: nsfwjs' ImageNet-pretrained backbones (TF.js layers models).
 * The imported graph's input placeholder is replaced by {@code nst/pixels} ({@code [1, H, W, 3]},
 * the size of the run) followed by the nsfwjs pre-processing (divide by 255), so that the layers
 * run on the pixels being optimised and gradients reach them.
 */
final class StoreNetworks {
    static final String PIXELS = "nst/pixels";

    /** A store model usable as a loss network, with its default layers. */
    record Known(String name, String last, String content, List<String> style) {}

    static final List<Known> KNOWN =
            List.of(
                    new Known(
                            "mobilenet_v2",
                            "out_relu",
                            "block_6_expand_relu",
                            List.of(
                                    "Conv1_relu",
                                    "block_1_expand_relu",
                                    "block_3_expand_relu",
                                    "block_6_expand_relu",
                                    "block_13_expand_relu")),
                    new Known(
                            "inception_v3",
                            "mixed10",
                            "mixed2",
                            List.of(
                                    "activation_1",
                                    "activation_3",
                                    "activation_5",
                                    "mixed1",
                                    "mixed3")));

    private StoreNetworks() {}

    static boolean isKnown(String name) {
        return KNOWN.stream().anyMatch(k -> k.name().equals(name));
    }

    static LossNetwork load(
            PretrainedModels models, GraphContext g, String name, int height, int width) {
        Known known =
                KNOWN.stream()
                        .filter(k -> k.name().equals(name))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        DlkitException.invalidInput(
                                                "unknown loss network '"
                                                        + name
                                                        + "'; give mobilenet_v2, inception_v3 or a"
                                                        + " model directory (--model DIR)"));
        Path file = models.require(name);
        GraphModelFile model;
        try {
            model = LayersModelFile.read(file);
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
        try {
            g.graph()
                    .importGraphDef(
                            onPixels(
                                    upTo(model.graphDef(), known.last()),
                                    1f / 255f,
                                    height,
                                    width));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(
                    name
                            + " cannot run on a "
                            + width
                            + "x"
                            + height
                            + " image (too small for its convolutions); give a larger --size");
        }
        Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
        java.util.Set<String> inputs = new java.util.HashSet<>();
        for (NodeDef n : model.graphDef().getNodeList()) {
            if (n.getOp().equals("Placeholder")) inputs.add(n.getName());
        }
        for (String layer : LayersModelFile.layerNames(file)) {
            GraphOperation op = g.graph().operation(layer);
            if (op != null && op.numOutputs() > 0 && !inputs.contains(layer)) {
                layers.put(layer, op.<TFloat32>output(0));
            }
        }
        Output<TFloat32> pixels = g.graph().operation(PIXELS).output(0);
        return new LossNetwork(name, pixels, layers, known.content(), known.style());
    }

    /** The nodes of {@code def} that {@code last} depends on (the classifier head dropped). */
    static GraphDef upTo(GraphDef def, String last) {
        Map<String, NodeDef> byName = new LinkedHashMap<>();
        for (NodeDef n : def.getNodeList()) byName.put(n.getName(), n);
        java.util.Set<String> keep = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(last));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!keep.add(name) || !byName.containsKey(name)) continue;
            for (String in : byName.get(name).getInputList()) {
                todo.push(in.replaceFirst("^\\^", "").replaceFirst(":\\d+$", ""));
            }
        }
        GraphDef.Builder out = GraphDef.newBuilder();
        for (NodeDef n : def.getNodeList()) if (keep.contains(n.getName())) out.addNode(n);
        return out.build();
    }

    /**
     * {@code def} with each placeholder replaced by {@code nst/pixels * scale} under the
     * placeholder's name; {@code nst/pixels} takes one {@code height x width} RGB image.
     */
    static GraphDef onPixels(GraphDef def, float scale, int height, int width) {
        GraphDef.Builder out = GraphDef.newBuilder();
        for (NodeDef n : def.getNodeList()) {
            if (!n.getOp().equals("Placeholder")) {
                out.addNode(n);
                continue;
            }
            out.addNode(placeholder(height, width));
            out.addNode(scalar("nst/scale", scale));
            out.addNode(
                    NodeDef.newBuilder()
                            .setName(n.getName())
                            .setOp("Mul")
                            .addInput(PIXELS)
                            .addInput("nst/scale")
                            .putAttr(
                                    "T",
                                    AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
        }
        return out.build();
    }

    private static NodeDef placeholder(int height, int width) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : new long[] {1, height, width, 3})
            s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return NodeDef.newBuilder()
                .setName(PIXELS)
                .setOp("Placeholder")
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                .putAttr("shape", AttrValue.newBuilder().setShape(s).build())
                .build();
    }

    private static NodeDef scalar(String name, float value) {
        TensorProto t =
                TensorProto.newBuilder()
                        .setDtype(DataType.DT_FLOAT)
                        .setTensorShape(TensorShapeProto.newBuilder())
                        .addFloatVal(value)
                        .build();
        return NodeDef.newBuilder()
                .setName(name)
                .setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(t).build())
                .build();
    }
}
