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
 * A fully connected layer (type {@code dense}). For an input {@code A} of shape {@code [m, n_prev]}
 * (one sample per row, the transpose of the notes' column layout):
 *
 * <pre>
 * Z = A W + b          W: [n_prev, units], b: [units]
 * out = g(Z)
 * </pre>
 *
 * <p>With {@code batch_norm: true} the layer is Dense (no bias) → {@link BatchNormLayer} → {@code
 * g}, as the notes fit batch norm into a network: {@code Z = A W}, {@code Z~ = gamma Z_norm +
 * beta}, {@code out = g(Z~)}. The bias is dropped because subtracting the batch mean cancels it
 * ({@code beta} takes its role), so {@code use_bias} then defaults to false and may not be true.
 * Batch norm uses its defaults here (momentum 0.99, epsilon 1e-3); for other values write {@code
 * dense (use_bias: false, activation: linear)}, {@code batch_norm}, {@code activation} layers.
 *
 * <p>Config keys: {@code units} (required, >= 1), {@code activation} (default {@code linear}),
 * {@code initializer} (default {@code he} for relu/leaky_relu, {@code xavier} otherwise), {@code
 * use_bias} (default {@code !batch_norm}), {@code batch_norm} (default false). Variables: {@code
 * <name>_kernel} (regularized), {@code <name>_bias} (zeros), and the batch-norm ones.
 */
public final class DenseLayer extends AbstractLayer implements ActivatedLayer {
    /** The type name in model files. */
    public static final String TYPE = "dense";

    private static final List<String> KEYS =
            List.of("type", "name", "units", "activation", "initializer", "use_bias", "batch_norm");

    private final int units;
    private final Activation activation;
    private final Initializer initializer;
    private final boolean useBias;
    private final BatchNormLayer batchNorm;
    private WeightVariable<TFloat32> kernel;
    private WeightVariable<TFloat32> bias;
    private Operand<TFloat32> preActivation;

    /** A dense layer of {@code units} with {@code activation} and the defaults otherwise. */
    public DenseLayer(int units, Activation activation) {
        this(builder().setUnits(units).optActivation(activation));
    }

    /** A dense layer of {@code units} with the named activation and the defaults otherwise. */
    public DenseLayer(int units, String activation) {
        this(units, Activations.get(activation));
    }

    private DenseLayer(Builder b) {
        super(b.name);
        if (b.units < 1) {
            throw new IllegalArgumentException("units must be >= 1, got " + b.units);
        }
        boolean bias = b.useBias == null ? !b.batchNorm : b.useBias;
        if (bias && b.batchNorm) {
            throw new IllegalArgumentException(
                    "use_bias must be false when batch_norm is true (batch norm's beta replaces the bias)");
        }
        this.units = b.units;
        this.activation = b.activation;
        this.initializer =
                b.initializer == null ? Initializers.defaultFor(b.activation) : b.initializer;
        this.useBias = bias;
        this.batchNorm =
                b.batchNorm
                        ? new BatchNormLayer(
                                b.name,
                                BatchNormLayer.DEFAULT_MOMENTUM,
                                BatchNormLayer.DEFAULT_EPSILON)
                        : null;
    }

    /** A builder: {@code setUnits} is required, the {@code opt*} values have defaults. */
    public static Builder builder() {
        return new Builder();
    }

    static DenseLayer fromConfig(ConfigReader r) {
        r.checkKeys("a dense layer", KEYS);
        Builder b = builder().setUnits(r.requireInt("units", 1, "a dense layer"));
        b.optName(r.optName());
        if (r.has("activation")) {
            b.optActivation(Activations.resolve(r.get("activation"), r.pathOf("activation")));
        }
        String init = r.optString("initializer", null);
        if (init != null) {
            try {
                b.optInitializer(Initializers.get(init));
            } catch (IllegalArgumentException e) {
                throw r.error("initializer", e.getMessage());
            }
        }
        b.optBatchNorm(r.optBool("batch_norm", false));
        if (r.has("use_bias")) {
            boolean useBias = r.optBool("use_bias", true);
            if (useBias && b.batchNorm) {
                throw r.error(
                        "use_bias",
                        "must be false when batch_norm is true (batch norm's beta replaces the bias)");
            }
            b.optUseBias(useBias);
        }
        return b.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The number of output units. */
    public int units() {
        return units;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** The kernel initializer. */
    public Initializer initializer() {
        return initializer;
    }

    /** Whether {@code b} is added. */
    public boolean useBias() {
        return useBias;
    }

    /** Whether batch norm sits between {@code A W} and the activation. */
    public boolean batchNorm() {
        return batchNorm != null;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("units", units);
        m.put("activation", activation.config());
        m.put("initializer", initializer.name());
        m.put("use_bias", useBias);
        m.put("batch_norm", batchNorm != null);
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
        requireFlatInput(inputShape);
        long[] kernelShape = {inputShape[0], units};
        kernel =
                addVariable(
                        graph,
                        "kernel",
                        initializer.initialValue(graph, name() + "_kernel", kernelShape),
                        true);
        if (useBias) {
            bias =
                    addVariable(
                            graph,
                            "bias",
                            Initializers.ZEROS.initialValue(graph, name() + "_bias", units),
                            true);
        }
        if (batchNorm != null) {
            batchNorm.build(graph, new long[] {units});
        }
        return new long[] {units};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> z = tf.linalg.matMul(input, kernel.read());
        if (useBias) {
            z = tf.nn.biasAdd(z, bias.read());
        }
        if (batchNorm != null) {
            z = batchNorm.call(graph, z, training);
        }
        preActivation = z;
        return activation.apply(tf, z);
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

    /** {@code 2 n_prev units} for {@code A W}, {@code + units} for the bias, + batch norm's. */
    @Override
    public long flops() {
        long f = 2 * inputShape()[0] * units + (useBias ? units : 0);
        return f + (batchNorm == null ? 0 : batchNorm.flops());
    }

    /** Builds a {@link DenseLayer}. */
    public static final class Builder {
        private int units;
        private String name;
        private Activation activation = Activations.LINEAR;
        private Initializer initializer;
        private Boolean useBias;
        private boolean batchNorm;

        private Builder() {}

        /** The number of output units (required, >= 1). */
        public Builder setUnits(int units) {
            this.units = units;
            return this;
        }

        /** The layer name (default: assigned by the model, {@code dense_<n>}). */
        public Builder optName(String name) {
            this.name = name;
            return this;
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

        /** The kernel initializer (default: he for relu-family, xavier otherwise). */
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

        /** Whether to batch-normalise {@code A W} before the activation (default false). */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** The layer. */
        public DenseLayer build() {
            return new DenseLayer(this);
        }
    }
}
