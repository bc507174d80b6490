package io.dlkit.backend.runtime;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.types.TFloat32;

/**
 * Folds each inference-mode batch norm into the convolution before it, in a {@link FrozenGraph}'s
 * graph definition: {@code FusedBatchNormV3(Conv2D(x, W), gamma, beta, mean, var)} with {@code
 * is_training = false} becomes {@code BiasAdd(Conv2D(x, W'), b')} with, per output channel {@code
 * k},
 *
 * <pre>
 * s_k     = gamma_k / sqrt(var_k + epsilon)
 * W'[..k] = W[..k] * s_k
 * b'_k    = beta_k - mean_k * s_k
 * </pre>
 *
 * the same affine map (equal to float rounding). TensorFlow's graph optimizer then fuses the
 * convolution with its bias, a residual {@code Add} and the {@code Relu} after it into one oneDNN
 * kernel; a batch norm it cannot fuse that way, and the residual sum and ReLU after it, were
 * separate passes over the activations (ResNet-50 inference: about 10% of a run, issue #15).
 *
 * <p>Only where it is safe: an NHWC {@code Conv2D} whose only consumer is the batch norm and whose
 * filter is a constant, a batch norm of which nothing reads any output but the first (nor anything
 * the caller keeps). Everything else is left as it is.
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
        List<NodeDef> added = new ArrayList<>();
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
            TensorProto filterShape = s.filter().getAttrOrThrow("value").getTensor();
            boolean zeroBias = true;
            for (float v : bias) zeroBias &= v == 0f;
            String filterName = s.norm().getName() + "_folded_filter";
            String biasName = s.norm().getName() + "_folded_bias";
            added.add(constant(filterName, s.conv().getDevice(), filterShape, folded));
            // the graph optimizer drops a BiasAdd of zeros, and then cannot fuse the convolution
            // with what follows; a PlaceholderWithDefault is never treated as a known value
            String biasConst = zeroBias ? biasName + "_value" : biasName;
            if (zeroBias)
                added.add(
                        placeholderWithDefault(
                                biasName, s.conv().getDevice(), biasConst, channels));
            added.add(
                    constant(
                            biasConst,
                            s.conv().getDevice(),
                            TensorProto.newBuilder()
                                    .setTensorShape(
                                            org.tensorflow.proto.TensorShapeProto.newBuilder()
                                                    .addDim(
                                                            org.tensorflow.proto.TensorShapeProto
                                                                    .Dim.newBuilder()
                                                                    .setSize(channels)))
                                    .build(),
                            bias));
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
                            .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                            .putAttr(
                                    "data_format",
                                    AttrValue.newBuilder()
                                            .setS(ByteString.copyFromUtf8("NHWC"))
                                            .build())
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
        added.forEach(out::addNode);
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
                            .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
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
            List<NodeDef> added) {
        Map<String, String> wrapped = new HashMap<>();
        for (NodeDef original : def.getNodeList()) {
            NodeDef n = replaced.getOrDefault(original.getName(), original);
            if (!n.getOp().equals("BiasAdd") || n.getInputCount() != 2) continue;
            String in = n.getInput(1);
            NodeDef bias = byName.get(opName(in));
            if (bias == null || outputIndex(in) != 0 || !bias.getOp().equals("Const")) continue;
            TensorProto t = bias.getAttrOrThrow("value").getTensor();
            float[] v = floats(t);
            boolean zero = v != null ? allZero(v) : t.getDtype() == DataType.DT_FLOAT && allZero(t);
            if (!zero || t.getTensorShape().getDimCount() != 1) continue;
            String name =
                    wrapped.computeIfAbsent(
                            bias.getName(),
                            k -> {
                                String w = k + "_kept";
                                added.add(
                                        placeholderWithDefault(
                                                w,
                                                bias.getDevice(),
                                                k,
                                                (int) t.getTensorShape().getDim(0).getSize()));
                                return w;
                            });
            replaced.put(n.getName(), n.toBuilder().setInput(1, name).build());
        }
    }

    private static boolean allZero(float[] v) {
        for (float x : v) if (x != 0f) return false;
        return true;
    }

    /** A float tensor proto without content bytes: zero if its (repeated) values are all 0. */
    private static boolean allZero(TensorProto t) {
        for (int i = 0; i < t.getFloatValCount(); i++) if (t.getFloatVal(i) != 0f) return false;
        return true;
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
            float[] v = floats(value.getAttrOrThrow("value").getTensor());
            TensorProto t = value.getAttrOrThrow("value").getTensor();
            boolean zero =
                    (v != null && v.length == 1 && v[0] == 0f)
                            || (v == null && t.getFloatValCount() == 1 && t.getFloatVal(0) == 0f)
                            || (v == null
                                    && t.getFloatValCount() == 0
                                    && t.getDtype() == DataType.DT_FLOAT);
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

    /** A float tensor's values (content bytes or a scalar fill), or null for another layout. */
    private static float[] floats(TensorProto t) {
        if (t.getDtype() != DataType.DT_FLOAT || t.getTensorContent().isEmpty()) return null;
        ByteBuffer b = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / Float.BYTES];
        b.asFloatBuffer().get(v);
        return v;
    }

    private static NodeDef constant(
            String name, String device, TensorProto shapeOf, float[] values) {
        ByteBuffer b =
                ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        TensorProto t =
                TensorProto.newBuilder()
                        .setDtype(DataType.DT_FLOAT)
                        .setTensorShape(shapeOf.getTensorShape())
                        .setTensorContent(UnsafeByteOperations.unsafeWrap(b.array()))
                        .build();
        return NodeDef.newBuilder()
                .setName(name)
                .setOp("Const")
                .setDevice(device)
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(t).build())
                .build();
    }

    private static NodeDef placeholderWithDefault(
            String name, String device, String input, int channels) {
        return NodeDef.newBuilder()
                .setName(name)
                .setOp("PlaceholderWithDefault")
                .setDevice(device)
                .addInput(input)
                .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                .putAttr(
                        "shape",
                        AttrValue.newBuilder()
                                .setShape(
                                        org.tensorflow.proto.TensorShapeProto.newBuilder()
                                                .addDim(
                                                        org.tensorflow.proto.TensorShapeProto.Dim
                                                                .newBuilder()
                                                                .setSize(channels)))
                                .build())
                .build();
    }

    private static boolean attrBool(NodeDef n, String name, boolean absent) {
        AttrValue v = n.getAttrOrDefault(name, null);
        return v == null ? absent : v.getB();
    }

    private static boolean nhwc(NodeDef n) {
        AttrValue v = n.getAttrOrDefault("data_format", null);
        return v == null || v.getS().toStringUtf8().equals("NHWC");
    }

    private static boolean isFloat(NodeDef n, String attr) {
        AttrValue v = n.getAttrOrDefault(attr, null);
        return v != null && v.getType() == DataType.DT_FLOAT;
    }

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
}
