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
 * <p>{@code A_pad} is {@code A} with the zeros of the {@link Padding}: {@code valid} (none), {@code
 * same} (output {@code ceil(n / s)}) or an explicit {@code p} (a {@code tf.pad} before a VALID
 * convolution). A 1x1 convolution ({@code kernel_size: 1}) mixes channels per pixel. There is no
 * dilation: TensorFlow Java's dilated Conv2D gradient kills the JVM.
 *
 * <p>With {@code batch_norm: true} the layer is Conv (no bias) → {@link BatchNormLayer} over the
 * channels (statistics over {@code m * H * W} values per channel) → {@code g}, as {@link
 * DenseLayer} does. Softmax is taken over the channels of each pixel.
 *
 * <p>Config keys: {@code filters} (required, >= 1), {@code kernel_size} (required, {@code f} or
 * {@code [f_h, f_w]}), {@code strides} (default 1), {@code padding} (default {@code valid}), {@code
 * activation} (default {@code linear}), {@code initializer} (default {@code he} for the relu
 * family, {@code xavier} otherwise, fan-in {@code f_h f_w n_C}), {@code use_bias} (default {@code
 * !batch_norm}), {@code batch_norm} (default false). Variables: {@code <name>_kernel}
 * (regularized), {@code <name>_bias}, and the batch-norm ones.
 */
public final class Conv2DLayer extends AbstractLayer implements ActivatedLayer {
    /** The type name in model files. */
    public static final String TYPE = "conv2d";

    private final ConvSpec spec;
    private final BatchNormLayer batchNorm;
    private WeightVariable<TFloat32> kernel;
    private WeightVariable<TFloat32> bias;
    private Operand<TFloat32> preActivation;

    Conv2DLayer(ConvSpec spec) {
        super(spec.name());
        this.spec = spec;
        this.batchNorm =
                spec.batchNorm()
                        ? new BatchNormLayer(
                                spec.name(), BatchNormLayer.DEFAULT_MOMENTUM, spec.bnEpsilon())
                        : null;
    }

    /**
     * A conv layer of {@code filters} {@code kernelSize x kernelSize} filters with stride 1, {@code
     * valid} padding, the named activation and the defaults otherwise.
     */
    public Conv2DLayer(int filters, int kernelSize, String activation) {
        this(
                builder()
                        .setFilters(filters)
                        .setKernelSize(kernelSize)
                        .optActivation(activation)
                        .spec());
    }

    /** A builder: {@code setFilters} and {@code setKernelSize} are required. */
    public static Builder builder() {
        return new Builder();
    }

    static Conv2DLayer fromConfig(ConfigReader r) {
        return new Conv2DLayer(ConvSpec.read(r));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The number of filters {@code n_f} (output channels). */
    public int filters() {
        return spec.filters();
    }

    /** {@code [f_h, f_w]}. */
    public int[] kernelSize() {
        return spec.kernelSize().clone();
    }

    /** {@code [s_h, s_w]}. */
    public int[] strides() {
        return spec.strides().clone();
    }

    /** The padding. */
    public Padding padding() {
        return spec.padding();
    }

    @Override
    public Activation activation() {
        return spec.activation();
    }

    /** The kernel initializer. */
    public Initializer initializer() {
        return spec.initializer();
    }

    /** Whether {@code b} is added. */
    public boolean useBias() {
        return spec.useBias();
    }

    /** Whether batch norm sits between the convolution and the activation. */
    public boolean batchNorm() {
        return batchNorm != null;
    }

    ConvSpec spec() {
        return spec;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        spec.writeTo(m);
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
        Operand<TFloat32> init =
                spec.initializer().initialValue(graph, name() + "_kernel", kernelShape);
        kernel = addVariable(graph, "kernel", init, true);
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
        Operand<TFloat32> z = convolve(tf, input);
        if (batchNorm != null && batchNorm.foldsAtInference(training)) {
            // z + bias, then batch norm, as one FusedBatchNormV3 that oneDNN fuses into the conv;
            // the moving-average updates exist as in any graph (nothing runs them here)
            batchNorm.batchStatistics(tf, bias == null ? z : tf.nn.biasAdd(z, bias.read()));
            preActivation = batchNorm.inferenceOnly(tf, z, bias == null ? null : bias.read());
            return Spatial.activate(tf, spec.activation(), preActivation, spec.filters());
        }
        if (bias != null) {
            z = tf.nn.biasAdd(z, bias.read());
        }
        if (batchNorm != null) {
            z = batchNorm.call(graph, z, training);
        }
        preActivation = z;
        return Spatial.activate(tf, spec.activation(), z, spec.filters());
    }

    /**
     * The convolution itself: TensorFlow's Conv2D, which oneDNN runs and fuses with the bias. An
     * im2col lowering (shifted slices concatenated, one MatMul) used for thin inputs before was
     * slower with oneDNN on, forward and backward: LeNet-5 training 25 vs 14 CPU ms per step, a
     * 32x32x3 conv net 27 vs 24, inference at batch 64 6.0 vs 1.6 (issue #15).
     */
    private Operand<TFloat32> convolve(Ops tf, Operand<TFloat32> input) {
        int[] s = spec.strides();
        int[] k = spec.kernelSize();
        int p = spec.padding().amount();
        Operand<TFloat32> x = input;
        String mode = spec.padding().tfPadding();
        if (p > 0 && s[0] == 1 && s[1] == 1 && k[0] == 2 * p + 1 && k[1] == 2 * p + 1) {
            // Stride 1 with p = (f-1)/2 is exactly SAME padding: let the convolution pad.
            mode = "SAME";
        } else if (p > 0) {
            // int32: with int64 paddings the PadV2 gradient mixes Slice index types and fails
            int[][] pads = {{0, 0}, {p, p}, {p, p}, {0, 0}};
            x = tf.pad(x, tf.constant(pads), tf.constant(0f));
        }
        List<Long> strides = List.of(1L, (long) s[0], (long) s[1], 1L);
        return tf.nn.conv2d(x, kernel.read(), strides, mode);
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

    /** Builds a {@link Conv2DLayer}. */
    public static final class Builder {
        private String name;
        private int filters;
        private int[] kernelSize;
        private int[] strides = {1, 1};
        private Padding padding = Padding.VALID;
        private Activation activation = Activations.LINEAR;
        private Initializer initializer;
        private Boolean useBias;
        private double bnEpsilon = BatchNormLayer.DEFAULT_EPSILON;
        private boolean batchNorm;

        private Builder() {}

        /** The number of filters (required, >= 1). */
        public Builder setFilters(int filters) {
            this.filters = filters;
            return this;
        }

        /** A square {@code f x f} kernel (required, >= 1). */
        public Builder setKernelSize(int f) {
            return setKernelSize(f, f);
        }

        /** An {@code f_h x f_w} kernel (required, each >= 1). */
        public Builder setKernelSize(int fh, int fw) {
            this.kernelSize = new int[] {fh, fw};
            return this;
        }

        /** The layer name (default: assigned by the model, {@code conv2d_<n>}). */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** The same stride on both axes (default 1). */
        public Builder optStrides(int s) {
            return optStrides(s, s);
        }

        /** Strides {@code s_h, s_w} (default 1, 1). */
        public Builder optStrides(int sh, int sw) {
            this.strides = new int[] {sh, sw};
            return this;
        }

        /** The padding (default {@link Padding#VALID}). */
        public Builder optPadding(Padding padding) {
            this.padding = requireNonNull(padding, "padding is null");
            return this;
        }

        /** The padding by name, {@code valid} or {@code same}. */
        public Builder optPadding(String padding) {
            return optPadding(Padding.of(padding));
        }

        /** {@code p} zeros on each side ({@link Padding#explicit}). */
        public Builder optPadding(int p) {
            return optPadding(Padding.explicit(p));
        }

        /** The activation (default {@code linear}). */
        public Builder optActivation(Activation activation) {
            this.activation = requireNonNull(activation, "activation is null");
            return this;
        }

        /** The activation by name ({@code relu}). */
        public Builder optActivation(String activation) {
            return optActivation(Activations.get(activation));
        }

        /** The kernel initializer (default: he for the relu family, xavier otherwise). */
        public Builder optInitializer(Initializer initializer) {
            this.initializer = requireNonNull(initializer, "initializer is null");
            return this;
        }

        /** The kernel initializer by name ({@code he}). */
        public Builder optInitializer(String initializer) {
            return optInitializer(Initializers.get(initializer));
        }

        /** Whether to add a bias (default: true, false with batch norm). */
        public Builder optUseBias(boolean useBias) {
            this.useBias = useBias;
            return this;
        }

        /** Batch norm's epsilon (default {@link BatchNormLayer#DEFAULT_EPSILON}). */
        public Builder optBnEpsilon(double epsilon) {
            this.bnEpsilon = epsilon;
            return this;
        }

        /** Whether to batch-normalise the convolution before the activation (default false). */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        ConvSpec spec() {
            return new ConvSpec(
                    name,
                    filters,
                    kernelSize,
                    strides,
                    padding,
                    activation,
                    initializer,
                    useBias,
                    batchNorm,
                    bnEpsilon);
        }

        /**
         * The layer.
         *
         * @throws IllegalArgumentException for filters or sizes below 1, or a bias with batch norm
         */
        public Conv2DLayer build() {
            return new Conv2DLayer(spec());
        }
    }
}
