package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A 2-D convolution over a channels-last volume (type {@code conv2d}): for an input {@code A} of
 * shape {@code [m, n_H, n_W, n_C]} and {@code n_f} filters of {@code f_h x f_w x n_C} (the notes'
 * "Convolutions Over Volume", a cross-correlation: no kernel flip),
 *
 * <pre>
 * Z[i, y, x, k] = b[k] + sum_{u < f_h, v < f_w, c < n_C} A_pad[i, y s_h + u, x s_w + v, c] W[u, v, c, k]
 * out = g(Z)                      W: [f_h, f_w, n_C, n_f], b: [n_f]
 * out shape [m, floor((n_H + 2p - f_h) / s_h) + 1, floor((n_W + 2p - f_w) / s_w) + 1, n_f]
 * </pre>
 *
 * <p>{@code A_pad} is {@code A} with the zeros of the {@link Padding}: {@code valid} (none),
 * {@code same} (output {@code ceil(n / s)}) or an explicit {@code p} (a {@code tf.pad} before a
 * VALID convolution). A 1x1 convolution ({@code kernel_size: 1}) mixes channels per pixel. There
 * is no dilation: TensorFlow Java's dilated Conv2D gradient kills the JVM.
 *
 * <p>With {@code batch_norm: true} the layer is Conv (no bias) → {@link BatchNormLayer} over the
 * channels (statistics over {@code m * H * W} values per channel) → {@code g}, as {@link
 * DenseLayer} does. Softmax is taken over the channels of each pixel.
 *
 * <p>Config keys: {@code filters} (required, >= 1), {@code kernel_size} (required, {@code f} or
 * {@code [f_h, f_w]}), {@code strides} (default 1), {@code padding} (default {@code valid}),
 * {@code activation} (default {@code linear}), {@code initializer} (default {@code he} for the
 * relu family, {@code xavier} otherwise, fan-in {@code f_h f_w n_C}), {@code use_bias} (default
 * {@code !batch_norm}), {@code batch_norm} (default false). Variables: {@code <name>_kernel}
 * (regularized), {@code <name>_bias}, and the batch-norm ones.
 */
public final class Conv2DLayer extends AbstractLayer implements ActivatedLayer {
    /** The type name in model files. */
    public static final String TYPE = "conv2d";

    private static final List<String> KEYS =
            List.of(
                    "type", "name", "filters", "kernel_size", "strides", "padding", "activation",
                    "initializer", "use_bias", "batch_norm");
    private static final String WHAT = "a conv2d layer";

    private final ConvSpec spec;
    private final BatchNormLayer batchNorm;
    private WeightVariable<TFloat32> kernel;
    private WeightVariable<TFloat32> bias;
    private Operand<TFloat32> preActivation;

    private Conv2DLayer(ConvSpec spec) {
        super(spec.name());
        this.spec = spec;
        this.batchNorm =
                spec.batchNorm()
                        ? new BatchNormLayer(
                                spec.name(),
                                BatchNormLayer.DEFAULT_MOMENTUM,
                                BatchNormLayer.DEFAULT_EPSILON)
                        : null;
    }

    /** A builder: {@code setFilters} and {@code setKernelSize} are required. */
    public static ConvSpec.Builder builder() {
        return new ConvSpec.Builder();
    }

    static Conv2DLayer of(ConvSpec spec) {
        return new Conv2DLayer(spec);
    }

    static Conv2DLayer fromConfig(ConfigReader r) {
        r.checkKeys(WHAT, KEYS);
        ConvSpec.Builder b = builder().setFilters(r.requireInt("filters", 1, WHAT));
        if (!r.has("kernel_size")) {
            throw r.error("kernel_size", "required for " + WHAT);
        }
        int[] k = Spatial.readPair(r, "kernel_size", null, 1);
        int[] s = Spatial.readPair(r, "strides", new int[] {1, 1}, 1);
        b.setKernelSize(k[0], k[1]).optStrides(s[0], s[1]).optName(r.optName());
        b.optPadding(Spatial.readPadding(r, Padding.VALID, true));
        DenseLayer.readActivation(r, b::optActivation, b::optInitializer);
        b.optBatchNorm(r.optBool("batch_norm", false));
        if (r.has("use_bias")) {
            b.optUseBias(DenseLayer.readUseBias(r, b.batchNorm()));
        }
        return b.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The hyperparameters (filters, kernel size, strides, padding, ...). */
    public ConvSpec spec() {
        return spec;
    }

    @Override
    public Activation activation() {
        return spec.activation();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("filters", spec.filters());
        m.put("kernel_size", Spatial.pairConfig(spec.kernelSize()));
        m.put("strides", Spatial.pairConfig(spec.strides()));
        m.put("padding", spec.padding().config());
        m.put("activation", spec.activation().config());
        m.put("initializer", spec.initializer().name());
        m.put("use_bias", spec.useBias());
        m.put("batch_norm", spec.batchNorm());
        return m;
    }

    @Override
    void assignName(String newName) {
        super.assignName(newName);
        if (batchNorm != null) {
            batchNorm.assignName(newName);
        }
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        int[] k = spec.kernelSize();
        long[] out =
                Spatial.windowOutput(
                        this, inputShape, k, spec.strides(), spec.padding(), spec.filters());
        long[] kernelShape = {k[0], k[1], inputShape[2], spec.filters()};
        String kernelName = name() + "_kernel";
        kernel =
                addVariable(
                        graph,
                        "kernel",
                        spec.initializer().initialValue(graph, kernelName, kernelShape),
                        true);
        if (spec.useBias()) {
            Operand<TFloat32> zeros =
                    Initializers.ZEROS.initialValue(graph, name() + "_bias", spec.filters());
            bias = addVariable(graph, "bias", zeros, true);
        }
        if (batchNorm != null) {
            batchNorm.build(graph, out);
        }
        return out;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> x = input;
        int p = spec.padding().amount();
        if (p > 0) {
            long[][] pads = {{0, 0}, {p, p}, {p, p}, {0, 0}};
            x = tf.pad(x, tf.constant(pads), tf.constant(0f));
        }
        int[] s = spec.strides();
        List<Long> strides = List.of(1L, (long) s[0], (long) s[1], 1L);
        Operand<TFloat32> z = tf.nn.conv2d(x, kernel.read(), strides, spec.padding().tfPadding());
        if (bias != null) {
            z = tf.nn.biasAdd(z, bias.read());
        }
        if (batchNorm != null) {
            z = batchNorm.call(graph, z, training);
        }
        preActivation = z;
        return Spatial.activate(tf, spec.activation(), z, spec.filters());
    }

    @Override
    public Operand<TFloat32> preActivation() {
        if (preActivation == null) {
            throw new IllegalStateException("layer '" + name() + "' has not been called yet");
        }
        return preActivation;
    }

    /** The kernel, then the bias (if any), then batch norm's four variables (if any). */
    @Override
    public List<WeightVariable<TFloat32>> variables() {
        List<WeightVariable<TFloat32>> all = new ArrayList<>(super.variables());
        if (batchNorm != null && batchNorm.isBuilt()) {
            all.addAll(batchNorm.variables());
        }
        return List.copyOf(all);
    }

    @Override
    public List<Op> trainingUpdates() {
        return batchNorm == null ? List.of() : batchNorm.trainingUpdates();
    }

    /** The kernel only. */
    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return kernel == null ? List.of() : List.of(kernel);
    }

    /**
     * {@code 2 f_h f_w n_C} per output element ({@code out_H out_W n_f} of them), plus one per
     * element for the bias, plus batch norm's {@code 4} per element.
     */
    @Override
    public long flops() {
        long[] out = outputShape();
        long elements = out[0] * out[1] * out[2];
        int[] k = spec.kernelSize();
        long f = elements * 2L * k[0] * k[1] * inputShape()[2];
        f += spec.useBias() ? elements : 0;
        return f + (batchNorm == null ? 0 : batchNorm.flops());
    }

    /** For {@link ConvolutionalizedDense}: the layer spec of a named conv. */
    static ConvSpec.Builder copyOf(ConvSpec spec) {
        requireNonNull(spec, "spec is null");
        return spec.toBuilder();
    }
}
