package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * Expands the fused ops TF.js graphs hold ({@code _FusedConv2D}, {@code
 * FusedDepthwiseConv2dNative}, {@code _FusedMatMul}) into plain TensorFlow ops: the convolution or
 * product, then {@code BiasAdd} (or an inference-mode {@code FusedBatchNormV3}), then the
 * activation ({@code Relu}, {@code Relu6}, {@code Elu}, {@code Sigmoid}, {@code Tanh}, {@code
 * LeakyRelu} with {@code leakyrelu_alpha}, or {@code Prelu} as {@code relu(x) - alpha * relu(-x)}).
 * The last op keeps the fused node's name, so its consumers need no change; plain ops run on every
 * device and have gradients.
 */
final class FusedOps {
    private static final Set<String> FUSED =
            Set.of(
                    "_FusedConv2D",
                    "FusedDepthwiseConv2dNative",
                    "_FusedDepthwiseConv2dNative",
                    "_FusedMatMul");
    private static final Set<String> CONV_ATTRS =
            Set.of(
                    "strides",
                    "padding",
                    "explicit_paddings",
                    "data_format",
                    "dilations",
                    "use_cudnn_on_gpu",
                    "T");
    private static final Set<String> MATMUL_ATTRS = Set.of("transpose_a", "transpose_b", "T");

    private FusedOps() {}

    /** Whether {@code op} is one of the fused ops this expands. */
    static boolean isFused(String op) {
        return FUSED.contains(op);
    }

    /** The plain ops that compute the same as {@code fused}, the last one named as it was. */
    static List<NodeDef> expand(NodeDef fused, String source) {
        String name = fused.getName();
        List<String> ops = fusedOps(fused);
        List<String> data = fused.getInputList().stream().filter(i -> !i.startsWith("^")).toList();
        List<String> args = data.subList(2, data.size());
        List<NodeDef> out = new ArrayList<>();
        String base = baseOp(fused.getOp());
        boolean matmul = base.equals("MatMul");
        NodeDef.Builder core =
                NodeDef.newBuilder()
                        .setName(name + "/_core")
                        .setOp(base)
                        .addInput(data.get(0))
                        .addInput(data.get(1));
        fused.getInputList().stream().filter(i -> i.startsWith("^")).forEach(core::addInput);
        fused.getAttrMap()
                .forEach(
                        (k, v) -> {
                            if ((matmul ? MATMUL_ATTRS : CONV_ATTRS).contains(k))
                                core.putAttr(k, v);
                        });
        if (base.equals("DepthwiseConv2dNative")) core.removeAttr("use_cudnn_on_gpu");
        out.add(core.build());
        String last = core.getName();
        int arg = 0;
        for (int i = 0; i < ops.size(); i++) {
            String op = ops.get(i);
            String nodeName = i == ops.size() - 1 ? name : name + "/_" + op;
            NodeDef.Builder n = NodeDef.newBuilder().setName(nodeName).putAttr("T", t(fused));
            switch (op) {
                case "BiasAdd", "Add" -> {
                    n.setOp("BiasAdd").addInput(last).addInput(args.get(arg++));
                    if (!matmul && fused.containsAttr("data_format")) {
                        n.putAttr("data_format", fused.getAttrOrThrow("data_format"));
                    }
                }
                case "FusedBatchNorm" -> {
                    n.setOp("FusedBatchNormV3").addInput(last);
                    for (int k = 0; k < 4; k++) n.addInput(args.get(arg++));
                    n.putAttr("U", t(fused)).putAttr("is_training", bool(false));
                    if (fused.containsAttr("epsilon"))
                        n.putAttr("epsilon", fused.getAttrOrThrow("epsilon"));
                    if (fused.containsAttr("data_format"))
                        n.putAttr("data_format", fused.getAttrOrThrow("data_format"));
                }
                case "Relu", "Relu6", "Elu", "Sigmoid", "Tanh" -> n.setOp(op).addInput(last);
                case "LeakyRelu" -> {
                    n.setOp("LeakyRelu").addInput(last);
                    if (fused.containsAttr("leakyrelu_alpha")) {
                        n.putAttr("alpha", fused.getAttrOrThrow("leakyrelu_alpha"));
                    }
                }
                case "Prelu" -> {
                    out.addAll(prelu(name, last, args.get(arg++), fused));
                    n.setOp("Sub").addInput(name + "/_prelu_pos").addInput(name + "/_prelu_neg");
                }
                default ->
                        throw new DataFormatException(
                                source
                                        + ": node '"
                                        + name
                                        + "' ("
                                        + fused.getOp()
                                        + ") fuses '"
                                        + op
                                        + "', which dlkit cannot expand yet;"
                                        + " supported: BiasAdd, FusedBatchNorm, Relu, Relu6, Elu, Sigmoid, Tanh,"
                                        + " LeakyRelu, Prelu");
            }
            out.add(n.build());
            last = nodeName;
        }
        if (ops.isEmpty()) {
            out.set(0, core.setName(name).build());
        }
        return out;
    }

    /** prelu(x) = relu(x) - alpha * relu(-x): the two terms; the caller subtracts them. */
    private static List<NodeDef> prelu(String name, String x, String alpha, NodeDef fused) {
        AttrValue t = t(fused);
        return List.of(
                NodeDef.newBuilder()
                        .setName(name + "/_prelu_pos")
                        .setOp("Relu")
                        .addInput(x)
                        .putAttr("T", t)
                        .build(),
                NodeDef.newBuilder()
                        .setName(name + "/_prelu_negx")
                        .setOp("Neg")
                        .addInput(x)
                        .putAttr("T", t)
                        .build(),
                NodeDef.newBuilder()
                        .setName(name + "/_prelu_relu_negx")
                        .setOp("Relu")
                        .addInput(name + "/_prelu_negx")
                        .putAttr("T", t)
                        .build(),
                NodeDef.newBuilder()
                        .setName(name + "/_prelu_neg")
                        .setOp("Mul")
                        .addInput(alpha)
                        .addInput(name + "/_prelu_relu_negx")
                        .putAttr("T", t)
                        .build());
    }

    private static String baseOp(String fusedOp) {
        return switch (fusedOp) {
            case "_FusedConv2D" -> "Conv2D";
            case "_FusedMatMul" -> "MatMul";
            default -> "DepthwiseConv2dNative";
        };
    }

    private static List<String> fusedOps(NodeDef fused) {
        if (!fused.containsAttr("fused_ops")) return List.of();
        return fused.getAttrOrThrow("fused_ops").getList().getSList().stream()
                .map(b -> b.toStringUtf8())
                .toList();
    }

    private static AttrValue t(NodeDef fused) {
        return fused.containsAttr("T")
                ? fused.getAttrOrThrow("T")
                : AttrValue.newBuilder().setType(org.tensorflow.proto.DataType.DT_FLOAT).build();
    }

    private static AttrValue bool(boolean b) {
        return AttrValue.newBuilder().setB(b).build();
    }
}
