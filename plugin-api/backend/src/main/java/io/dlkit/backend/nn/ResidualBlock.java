package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A ResNet block (type {@code residual_block}), the notes' "Building a Residual Network": a main
 * path of convolutions, each followed by batch norm over the channels, and a shortcut added back
 * before the last activation,
 *
 * <pre>
 * main     = BN(conv_k(... g(BN(conv_1(a))) ...))          (no g after the last one)
 * shortcut = a                                           (identity block)
 *          | BN(conv_1x1, stride s (a))                   (convolutional block, no g)
 * out      = g(main + shortcut)                           g = relu by default
 * </pre>
 *
 * <p>The main path is basic with two filter counts {@code [F1, F2]} ({@code f x f} stride {@code
 * s}, then {@code f x f}, both {@code same}), or bottleneck with three {@code [F1, F2, F3]} ({@code
 * 1x1} stride {@code s}, {@code f x f same}, {@code 1x1}), as in ResNet-50's blocks. An identity
 * block keeps the shape, so it needs {@code s = 1} and input channels equal to the last filter
 * count; a convolutional block's 1x1 projection resizes the shortcut to {@code [ceil(H/s),
 * ceil(W/s), F_last]}.
 *
 * <p>Config keys: {@code block} ({@code identity} (default) or {@code convolutional}), {@code
 * filters} (required, 2 or 3 integers >= 1), {@code kernel_size} ({@code f}, default 3), {@code
 * strides} (default 1), {@code activation} (default relu). Sub-layers {@code <name>_conv1}, {@code
 * _conv2}, {@code _conv3}, {@code _shortcut}: {@link Conv2DLayer}s with batch norm and no bias.
 * Outputs: {@code main}, {@code shortcut}, {@code add} (before {@code g}).
 */
public final class ResidualBlock extends BlockLayer {
    /** The type name in model files. */
    public static final String TYPE = "residual_block";

    private static final List<String> KEYS =
            List.of(
                    "type",
                    "name",
                    "block",
                    "filters",
                    "kernel_size",
                    "strides",
                    "activation",
                    "use_bias",
                    "bn_epsilon");

    private final boolean convolutional;
    private final int[] filters;
    private final int[] kernelSize;
    private final int[] strides;
    private final Activation activation;
    private final boolean useBias;
    private final double bnEpsilon;
    private final List<Conv2DLayer> mainPath = new ArrayList<>();
    private final Conv2DLayer shortcut;

    private ResidualBlock(Builder b) {
        super(b.name, List.of("main", "shortcut", "add"));
        if (b.filters.length < 2
                || b.filters.length > 3
                || Arrays.stream(b.filters).anyMatch(f -> f < 1)) {
            throw new IllegalArgumentException(
                    "filters must be 2 (basic) or 3 (bottleneck) integers >= 1, got "
                            + Arrays.toString(b.filters));
        }
        this.convolutional = b.convolutional;
        this.filters = b.filters.clone();
        this.kernelSize = Spatial.checkPair("kernel_size", b.kernelSize[0], b.kernelSize[1], 1);
        this.strides = Spatial.checkPair("strides", b.strides[0], b.strides[1], 1);
        if (!convolutional && (strides[0] != 1 || strides[1] != 1)) {
            throw new IllegalArgumentException(
                    "strides must be 1 for an identity block (use a convolutional block to"
                            + " downsample), got "
                            + Spatial.pairConfig(strides));
        }
        this.activation = requireNonNull(b.activation, "activation is null");
        this.useBias = b.useBias;
        this.bnEpsilon = b.bnEpsilon;
        boolean bottleneck = filters.length == 3;
        for (int i = 0; i < filters.length; i++) {
            boolean middle = !bottleneck || i == 1;
            Conv2DLayer.Builder conv =
                    Conv2DLayer.builder()
                            .setFilters(filters[i])
                            .setKernelSize(middle ? kernelSize[0] : 1, middle ? kernelSize[1] : 1)
                            .optPadding(middle ? Padding.SAME : Padding.VALID)
                            .optActivation(
                                    i == filters.length - 1 ? Activations.LINEAR : activation)
                            .optBatchNorm(true)
                            .optUseBias(b.useBias)
                            .optBnEpsilon(b.bnEpsilon);
            if (i == 0) {
                conv.optStrides(strides[0], strides[1]);
            }
            mainPath.add(addSubLayer("conv" + (i + 1), conv.build()));
        }
        this.shortcut =
                convolutional
                        ? addSubLayer(
                                "shortcut",
                                Conv2DLayer.builder()
                                        .setFilters(filters[filters.length - 1])
                                        .setKernelSize(1)
                                        .optStrides(strides[0], strides[1])
                                        .optBatchNorm(true)
                                        .optUseBias(b.useBias)
                                        .optBnEpsilon(b.bnEpsilon)
                                        .build())
                        : null;
    }

    /** An identity block with main-path filter counts {@code [F1, F2]} or {@code [F1, F2, F3]}. */
    public static Builder identity(int... filters) {
        return new Builder(false, filters);
    }

    /**
     * A convolutional block: stride {@code s} on the first main-path conv and on the shortcut's 1x1
     * projection.
     */
    public static Builder convolutional(int stride, int... filters) {
        return new Builder(true, filters).optStrides(stride);
    }

    static ResidualBlock fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", KEYS);
        String block = r.optString("block", "identity");
        if (!block.equals("identity") && !block.equals("convolutional")) {
            throw r.error(
                    "block",
                    "must be 'identity' or 'convolutional', got " + ConfigReader.show(block));
        }
        Builder b = new Builder(block.equals("convolutional"), readFilters(r));
        int[] k = Spatial.readPair(r, "kernel_size", new int[] {3, 3}, 1);
        int[] s = Spatial.readPair(r, "strides", new int[] {1, 1}, 1);
        if (!b.convolutional && (s[0] != 1 || s[1] != 1)) {
            throw r.error(
                    "strides",
                    "must be 1 for an identity block (use block: convolutional to downsample), got "
                            + ConfigReader.show(r.get("strides")));
        }
        b.kernelSize = k;
        b.strides = s;
        b.optName(r.optName());
        if (r.has("activation")) {
            b.optActivation(Activations.resolve(r.get("activation"), r.pathOf("activation")));
        }
        if (r.has("use_bias")) {
            if (!(r.get("use_bias") instanceof Boolean useBias)) {
                throw r.error(
                        "use_bias",
                        "must be true or false, got " + ConfigReader.show(r.get("use_bias")));
            }
            b.optUseBias(useBias);
        }
        b.bnEpsilon = ConvSpec.readEpsilon(r);
        return b.build();
    }

    private static int[] readFilters(ConfigReader r) {
        if (!r.has("filters")) {
            throw r.error("filters", "required for a " + TYPE + " layer, e.g. [64, 64, 256]");
        }
        Object v = r.get("filters");
        if (v instanceof List<?> list
                && (list.size() == 2 || list.size() == 3)
                && list.stream().allMatch(e -> Spatial.isInt(e) && ((Number) e).intValue() >= 1)) {
            return list.stream().mapToInt(e -> ((Number) e).intValue()).toArray();
        }
        throw r.error(
                "filters",
                "must be a list of 2 (basic) or 3 (bottleneck) integers >= 1, got "
                        + ConfigReader.show(v));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Whether the shortcut is a 1x1 projection (convolutional block) rather than the identity. */
    public boolean isConvolutional() {
        return convolutional;
    }

    /** The main path's filter counts. */
    public int[] filters() {
        return filters.clone();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("block", convolutional ? "convolutional" : "identity");
        m.put("filters", Arrays.stream(filters).boxed().toList());
        m.put("kernel_size", Spatial.pairConfig(kernelSize));
        m.put("strides", Spatial.pairConfig(strides));
        m.put("activation", activation.config());
        if (useBias) m.put("use_bias", true);
        if (bnEpsilon != BatchNormLayer.DEFAULT_EPSILON) m.put("bn_epsilon", bnEpsilon);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        int last = filters[filters.length - 1];
        if (!convolutional && inputShape[2] != last) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' is an identity block, so its input channels ("
                            + inputShape[2]
                            + ") must equal its last filter count ("
                            + last
                            + "); use block: convolutional to change the channels");
        }
        long[] shape = inputShape;
        for (Conv2DLayer conv : mainPath) {
            shape = conv.build(graph, shape);
        }
        if (shortcut != null) {
            shortcut.build(graph, inputShape);
        }
        return shape;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> main = input;
        for (Conv2DLayer conv : mainPath) {
            main = conv.call(graph, main, training);
        }
        record("main", main);
        Operand<TFloat32> skip =
                record(
                        "shortcut",
                        shortcut == null ? input : shortcut.call(graph, input, training));
        Operand<TFloat32> sum = record("add", tf.math.add(main, skip));
        return Spatial.activate(tf, activation, sum, filters[filters.length - 1]);
    }

    /** The shortcut addition: one per output element. */
    @Override
    protected long ownFlops() {
        long[] out = outputShape();
        return out[0] * out[1] * out[2];
    }

    /** Builds a {@link ResidualBlock}; start from {@link #identity} or {@link #convolutional}. */
    public static final class Builder {
        private final boolean convolutional;
        private final int[] filters;
        private String name;
        private int[] kernelSize = {3, 3};
        private int[] strides = {1, 1};
        private Activation activation = Activations.RELU;
        private boolean useBias;
        private double bnEpsilon = BatchNormLayer.DEFAULT_EPSILON;

        private Builder(boolean convolutional, int[] filters) {
            this.convolutional = convolutional;
            this.filters = requireNonNull(filters, "filters is null").clone();
        }

        /** The block name (default: assigned by the model, {@code residual_block_<n>}). */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** The {@code f x f} size of the middle convolutions (default 3). */
        public Builder optKernelSize(int f) {
            this.kernelSize = new int[] {f, f};
            return this;
        }

        /** The stride {@code s} of a convolutional block (default 1). */
        public Builder optStrides(int s) {
            this.strides = new int[] {s, s};
            return this;
        }

        /** The activation {@code g} (default relu). */
        public Builder optActivation(Activation activation) {
            this.activation = requireNonNull(activation, "activation is null");
            return this;
        }

        /**
         * Whether every convolution adds a bias before its batch norm (default false; Keras's
         * ResNet50 has them, so its weights need it).
         */
        public Builder optUseBias(boolean useBias) {
            this.useBias = useBias;
            return this;
        }

        /** Batch norm's epsilon in every convolution (Keras's ResNet50: 1.001e-5). */
        public Builder optBnEpsilon(double epsilon) {
            this.bnEpsilon = epsilon;
            return this;
        }

        /**
         * The block.
         *
         * @throws IllegalArgumentException for bad filter counts or sizes, or a strided identity
         *     block
         */
        public ResidualBlock build() {
            return new ResidualBlock(this);
        }
    }
}
