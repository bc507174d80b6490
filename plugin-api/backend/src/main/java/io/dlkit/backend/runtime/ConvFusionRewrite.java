package io.dlkit.backend.runtime;

import static io.dlkit.backend.runtime.NodeDefs.allZero;
import static io.dlkit.backend.runtime.NodeDefs.attrBool;
import static io.dlkit.backend.runtime.NodeDefs.constant;
import static io.dlkit.backend.runtime.NodeDefs.floatTensor;
import static io.dlkit.backend.runtime.NodeDefs.floatType;
import static io.dlkit.backend.runtime.NodeDefs.floats;
import static io.dlkit.backend.runtime.NodeDefs.isFloat;
import static io.dlkit.backend.runtime.NodeDefs.nhwc;
import static io.dlkit.backend.runtime.NodeDefs.nhwcFormat;
import static io.dlkit.backend.runtime.NodeDefs.opName;
import static io.dlkit.backend.runtime.NodeDefs.outputIndex;
import static io.dlkit.backend.runtime.NodeDefs.shape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.types.TFloat32;

/**
 * Rewrites a {@link FrozenGraph}'s graph definition so that TensorFlow's optimizer fuses each
 * convolution with what follows it into one oneDNN kernel (issue #15: ResNet-50 inference spent
 * about 10% of a run in separate batch norm, residual sum and ReLU passes):
 *
 * <ul>
 *   <li>an inference-mode batch norm after a convolution (through {@code Identity} nodes and a
 *       constant bias {@code b}) is folded into it: {@code FusedBatchNormV3(Conv2D(x, W) + b,
 *       gamma, beta, mean, var)} becomes {@code BiasAdd(Conv2D(x, W'), b')} with, per output
 *       channel {@code k}, {@code s_k = gamma_k / sqrt(var_k + epsilon)}, {@code W'[..k] = W[..k]
 *       s_k}, {@code b'_k = beta_k + (b_k - mean_k) s_k}: the same affine map, to float rounding;
 *   <li>a residual {@code Add} after a folded batch norm becomes an {@code AddN} of the same two
 *       tensors, the form the optimizer fuses with the convolution and the ReLU after the sum;
 *   <li>a zero {@code PadV2} before a convolution becomes the equivalent {@code Pad}, which oneDNN
 *       merges into the convolution;
 *   <li>an all-zero constant bias is read through a {@code PlaceholderWithDefault}: the optimizer
 *       drops a {@code BiasAdd} of known zeros (a freshly initialised model) and then fuses
 *       nothing.
 * </ul>
 *
 * <p>Only where it is safe: an NHWC {@code Conv2D} whose only consumer is the batch norm and whose
 * filter is a constant, a batch norm of which nothing reads any output but the first (nor anything
 * the caller keeps), sums of the same static shape. Everything else is left as it is.
 */
final class ConvFusionRewrite {
    private static final Set<String> BATCH_NORMS = Set.of("FusedBatchNorm", "FusedBatchNormV3");

    private ConvFusionRewrite() {}

    /**
     * One foldable pair: the batch norm, its convolution, the convolution's constant filter and the
     * constant bias added between them (or null).
     */
    private record Site(NodeDef norm, NodeDef conv, NodeDef filter, NodeDef convBias) {}

    /**
     * {@code def} with every foldable batch norm folded; the batch norms' scale, offset, mean and
     * variance are read by one run of {@code original} (they may be computed from variables).
     *
     * @param kept output names ({@code op:index}) the caller will feed or fetch
     * @return the rewritten definition, or {@code def} itself when nothing folds or reading the
     *     parameters fails
     */
    static GraphDef fold(GraphDef def, GraphContext original, Set<String> kept) {
        Map<String, NodeDef> byName = new HashMap<>();
        for (NodeDef n : def.getNodeList()) byName.put(n.getName(), n);
        Map<String, Integer> consumers = new HashMap<>();
        Set<String> otherOutputsRead = new java.util.HashSet<>();
        for (NodeDef n : def.getNodeList()) {
            for (String in : n.getInputList()) {
                String op = opName(in);
                consumers.merge(op, 1, Integer::sum);
                if (in.startsWith("^") || outputIndex(in) != 0) otherOutputsRead.add(op);
            }
        }
        for (String k : kept) {
            if (outputIndex(k) != 0) otherOutputsRead.add(opName(k));
            consumers.merge(opName(k), 1, Integer::sum);
        }
        List<Site> sites = new ArrayList<>();
        for (NodeDef n : def.getNodeList()) {
            Site s = site(n, byName, consumers, otherOutputsRead);
            if (s != null) sites.add(s);
        }
        float[][][] params = sites.isEmpty() ? null : readParams(original.session(), sites);
        if (params == null) sites.clear();
        Map<String, NodeDef> replaced = new HashMap<>();
        Set<String> removed = new java.util.HashSet<>();
        Map<String, NodeDef> added = new LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            float[][] p = params[i];
            float epsilon =
                    s.norm()
                            .getAttrOrDefault("epsilon", AttrValue.newBuilder().setF(1e-4f).build())
                            .getF();
            int channels = p[0].length;
            float[] filter = floats(s.filter().getAttrOrThrow("value").getTensor());
            if (filter == null || filter.length % channels != 0) continue;
            float[] folded = new float[filter.length];
            float[] bias = new float[channels];
            double[] scale = new double[channels];
            float[] convBias =
                    s.convBias() == null
                            ? new float[channels]
                            : floats(s.convBias().getAttrOrThrow("value").getTensor());
            if (convBias == null || convBias.length != channels) continue;
            for (int k = 0; k < channels; k++) {
                scale[k] = p[0][k] / Math.sqrt((double) p[3][k] + epsilon);
                bias[k] = (float) (p[1][k] + ((double) convBias[k] - p[2][k]) * scale[k]);
            }
            for (int j = 0; j < filter.length; j++) {
                folded[j] = (float) (filter[j] * scale[j % channels]);
            }
            TensorProto filterValue = s.filter().getAttrOrThrow("value").getTensor();
            String filterName = s.norm().getName() + "_folded_filter";
            String biasName = s.norm().getName() + "_folded_bias";
            String device = s.conv().getDevice();
            added.put(
                    filterName,
                    constant(
                            filterName, device, floatTensor(filterValue.getTensorShape(), folded)));
            added.put(biasName, constant(biasName, device, floatTensor(shape(channels), bias)));
            replaced.put(s.conv().getName(), s.conv().toBuilder().setInput(1, filterName).build());
            // the unfolded filter is no longer read (and would be imported for nothing)
            if (consumers.getOrDefault(s.filter().getName(), 0) == 1) {
                removed.add(s.filter().getName());
            }
            replaced.put(
                    s.norm().getName(),
                    NodeDef.newBuilder()
                            .setName(s.norm().getName())
                            .setOp("BiasAdd")
                            .setDevice(s.norm().getDevice())
                            .addInput(s.conv().getName())
                            .addInput(biasName)
                            .putAttr("T", floatType())
                            .putAttr("data_format", nhwcFormat())
                            .build());
        }
        residualSums(def, original, byName, replaced);
        zeroPads(def, byName, consumers, replaced);
        keepZeroBiases(def, byName, replaced, added);
        if (replaced.isEmpty() && added.isEmpty()) return def;
        GraphDef.Builder out = def.toBuilder().clearNode();
        for (NodeDef n : def.getNodeList()) {
            if (!removed.contains(n.getName())) out.addNode(replaced.getOrDefault(n.getName(), n));
        }
        added.values().forEach(out::addNode);
        return out.build();
    }

    /**
     * Turns each two-input {@code Add} / {@code AddV2} of which one side is a folded batch norm
     * (directly or through {@code Identity}) and whose sides have the same static shape into an
     * {@code AddN} of the same two tensors: the same sum, in the form TensorFlow's optimizer fuses
     * into the convolution with its bias and the ReLU after it (a residual block's sum).
     */
    private static void residualSums(
            GraphDef def,
            GraphContext original,
            Map<String, NodeDef> byName,
            Map<String, NodeDef> replaced) {
        for (NodeDef n : def.getNodeList()) {
            if (!(n.getOp().equals("Add") || n.getOp().equals("AddV2"))) continue;
            if (n.getInputCount() != 2 || !isFloat(n, "T")) continue;
            String[] in = {n.getInput(0), n.getInput(1)};
            boolean folded = false;
            for (int i = 0; i < 2; i++) {
                if (outputIndex(in[i]) != 0) continue;
                String source = throughIdentities(opName(in[i]), byName);
                NodeDef r = replaced.get(source);
                if (r != null && r.getOp().equals("BiasAdd")) {
                    in[i] = source;
                    folded = true;
                }
            }
            if (!folded || !sameStaticShape(original, n.getInput(0), n.getInput(1))) continue;
            replaced.put(
                    n.getName(),
                    NodeDef.newBuilder()
                            .setName(n.getName())
                            .setOp("AddN")
                            .setDevice(n.getDevice())
                            .addInput(in[0])
                            .addInput(in[1])
                            .putAttr("N", AttrValue.newBuilder().setI(2).build())
                            .putAttr("T", floatType())
                            .build());
        }
    }

    /**
     * Reads each constant all-zero bias of a {@code BiasAdd} through a {@code
     * PlaceholderWithDefault}: the graph optimizer drops a {@code BiasAdd} of known zeros, and then
     * no longer fuses the convolution or matmul before it with the activation after it (a freshly
     * initialised model; a trained one has no all-zero bias).
     */
    private static void keepZeroBiases(
            GraphDef def,
            Map<String, NodeDef> byName,
            Map<String, NodeDef> replaced,
            Map<String, NodeDef> added) {
        Map<String, String> wrapped = new HashMap<>();
        for (NodeDef original : def.getNodeList()) {
            NodeDef n = replaced.getOrDefault(original.getName(), original);
            if (!n.getOp().equals("BiasAdd") || n.getInputCount() != 2) continue;
            String in = n.getInput(1);
            NodeDef bias = byName.getOrDefault(opName(in), added.get(opName(in)));
            if (bias == null || outputIndex(in) != 0 || !bias.getOp().equals("Const")) continue;
            TensorProto t = bias.getAttrOrThrow("value").getTensor();
            if (!allZero(t) || t.getTensorShape().getDimCount() != 1) continue;
            String name =
                    wrapped.computeIfAbsent(
                            bias.getName(),
                            k -> {
                                String w = k + "_kept";
                                int n1 = (int) t.getTensorShape().getDim(0).getSize();
                                added.put(w, placeholderWithDefault(w, bias.getDevice(), k, n1));
                                return w;
                            });
            replaced.put(n.getName(), n.toBuilder().setInput(1, name).build());
        }
    }

    /**
     * Turns each {@code PadV2} with the constant value 0 whose only reader is a VALID convolution
     * into the equivalent {@code Pad}, which oneDNN merges into the convolution (a padded stem).
     */
    private static void zeroPads(
            GraphDef def,
            Map<String, NodeDef> byName,
            Map<String, Integer> consumers,
            Map<String, NodeDef> replaced) {
        for (NodeDef n : def.getNodeList()) {
            if (!n.getOp().equals("Conv2D") || n.getInputCount() < 2) continue;
            NodeDef pad = soleProducer(n.getInput(0), byName, consumers);
            if (pad == null || !pad.getOp().equals("PadV2") || pad.getInputCount() != 3) continue;
            NodeDef value = byName.get(opName(pad.getInput(2)));
            if (value == null || !value.getOp().equals("Const")) continue;
            boolean zero = allZero(value.getAttrOrThrow("value").getTensor());
            if (!zero) continue;
            replaced.put(
                    pad.getName(),
                    pad.toBuilder()
                            .setOp("Pad")
                            .clearInput()
                            .addInput(pad.getInput(0))
                            .addInput(pad.getInput(1))
                            .build());
        }
    }

    private static String throughIdentities(String name, Map<String, NodeDef> byName) {
        NodeDef n = byName.get(name);
        while (n != null
                && n.getOp().equals("Identity")
                && n.getInputCount() == 1
                && outputIndex(n.getInput(0)) == 0) {
            name = opName(n.getInput(0));
            n = byName.get(name);
        }
        return name;
    }

    /** Whether two outputs of the original graph have the same fully known shape (batch aside). */
    private static boolean sameStaticShape(GraphContext g, String a, String b) {
        long[] sa = staticShape(g, a);
        long[] sb = staticShape(g, b);
        if (sa == null || sb == null || sa.length != sb.length) return false;
        for (int i = 0; i < sa.length; i++) {
            if (sa[i] != sb[i] || (sa[i] < 0 && i > 0)) return false;
        }
        return true;
    }

    private static long[] staticShape(GraphContext g, String input) {
        var op = g.graph().operation(opName(input));
        if (op == null || outputIndex(input) < 0) return null;
        var shape = op.output(outputIndex(input)).shape();
        return shape.isUnknown() ? null : shape.asArray();
    }

    /** The foldable pair ending in {@code norm}, or null. */
    private static Site site(
            NodeDef norm,
            Map<String, NodeDef> byName,
            Map<String, Integer> consumers,
            Set<String> otherOutputsRead) {
        if (!BATCH_NORMS.contains(norm.getOp()) || norm.getInputCount() < 5) return null;
        if (attrBool(norm, "is_training", true) || !nhwc(norm) || !isFloat(norm, "T")) return null;
        if (otherOutputsRead.contains(norm.getName())) return null;
        for (int i = 0; i < 5; i++) if (norm.getInput(i).startsWith("^")) return null;
        // the convolution, maybe through Identity nodes and a constant bias, each read only here
        NodeDef conv = soleProducer(norm.getInput(0), byName, consumers);
        while (conv != null && conv.getOp().equals("Identity")) {
            conv = soleProducer(conv.getInput(0), byName, consumers);
        }
        NodeDef convBias = null;
        if (conv != null && conv.getOp().equals("BiasAdd") && nhwc(conv)) {
            if (conv.getInputCount() != 2 || outputIndex(conv.getInput(1)) != 0) return null;
            convBias = byName.get(opName(conv.getInput(1)));
            if (convBias == null || !convBias.getOp().equals("Const")) return null;
            conv = soleProducer(conv.getInput(0), byName, consumers);
        }
        if (conv == null || !conv.getOp().equals("Conv2D") || !nhwc(conv)) return null;
        if (!isFloat(conv, "T")) return null;
        if (conv.getInputCount() < 2 || outputIndex(conv.getInput(1)) != 0) return null;
        NodeDef filter = byName.get(opName(conv.getInput(1)));
        if (filter == null || !filter.getOp().equals("Const")) return null;
        return new Site(norm, conv, filter, convBias);
    }

    /**
     * The node whose first output {@code input} names, if that output is all that is read of it and
     * {@code input} is its only reader; otherwise null.
     */
    private static NodeDef soleProducer(
            String input, Map<String, NodeDef> byName, Map<String, Integer> consumers) {
        if (input.startsWith("^") || outputIndex(input) != 0) return null;
        NodeDef n = byName.get(opName(input));
        if (n == null || consumers.getOrDefault(n.getName(), 0) != 1) return null;
        return n.getInputCount() == 0 ? null : n;
    }

    /**
     * Each site's scale, offset, mean and variance (in that order), from one run; null if the run
     * fails (a parameter that needs a feed, say).
     */
    private static float[][][] readParams(Session session, List<Site> sites) {
        Session.Runner runner = session.runner();
        Map<String, Integer> fetched = new HashMap<>(); // a runner refuses the same output twice
        int[][] index = new int[sites.size()][4];
        for (int i = 0; i < sites.size(); i++) {
            for (int j = 0; j < 4; j++) {
                String in = sites.get(i).norm().getInput(j + 1);
                String key = opName(in) + ":" + outputIndex(in);
                Integer k = fetched.get(key);
                if (k == null) {
                    k = fetched.size();
                    fetched.put(key, k);
                    runner.fetch(opName(in), outputIndex(in));
                }
                index[i][j] = k;
            }
        }
        try (Result r = runner.run()) {
            float[][][] out = new float[sites.size()][4][];
            for (int i = 0; i < sites.size(); i++) {
                for (int j = 0; j < 4; j++) {
                    TFloat32 t = (TFloat32) r.get(index[i][j]);
                    float[] v = new float[Math.toIntExact(t.size())];
                    t.asRawTensor().data().asFloats().read(v);
                    out[i][j] = v;
                }
                int c = out[i][0].length;
                for (float[] v : out[i]) if (v.length != c) return null;
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static NodeDef placeholderWithDefault(
            String name, String device, String input, int channels) {
        return NodeDef.newBuilder()
                .setName(name)
                .setOp("PlaceholderWithDefault")
                .setDevice(device)
                .addInput(input)
                .putAttr("dtype", floatType())
                .putAttr("shape", AttrValue.newBuilder().setShape(shape(channels)).build())
                .build();
    }
}
