package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A depthwise 2-D convolution (type {@code depthwise_conv2d}, MobileNet's): each input channel is
 * convolved with its own {@code d} filters ({@code depth_multiplier}) and the channels are not
 * mixed. For an input {@code A} of shape {@code [m, n_H, n_W, n_C]},
 *
 * <pre>
 * Z[i, y, x, c d + q] = b[c d + q] + sum_{u < f_h, v < f_w} A_pad[i, y s_h + u, x s_w + v, c] W[u, v, c, q]
 * out = g(Z)                      W: [f_h, f_w, n_C, d], b: [n_C d]
 * </pre>
 *
 * <p>Sizes follow the {@link Padding} ({@code valid} or {@code same}) as for {@link Conv2DLayer}.
 * Config keys: {@code kernel_size} (required), {@code strides} (default 1), {@code padding}
 * (default {@code valid}), {@code depth_multiplier} (default 1), {@code activation} (default {@code
 * linear}), {@code initializer} (default as for conv2d), {@code use_bias} (default true).
 * Variables: {@code <name>_depthwise_kernel} (regularized), {@code <name>_bias}.
 */
public final class DepthwiseConv2DLayer extends AbstractLayer implements ActivatedLayer {
    /** The type name in model files. */
    public static final String TYPE = "depthwise_conv2d";

    private static final List<String> KEYS =
            List.of(
                    "type",
                    "name",
                    "kernel_size",
                    "strides",
                    "padding",
                    "depth_multiplier",
                    "activation",
                    "initializer",
                    "use_bias");

    private final int[] kernelSize;
    private final int[] strides;
    private final Padding padding;
    private final int depthMultiplier;
    private final Activation activation;
    private final Initializer initializer;
    private final boolean useBias;
    private WeightVariable<TFloat32> kernel;
    private WeightVariable<TFloat32> bias;
    private Operand<TFloat32> preActivation;

    /**
     * @param name the name, or null to let the model name it
     * @param kernelSize {@code [f_h, f_w]}, each >= 1
     * @param strides {@code [s_h, s_w]}, each >= 1
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     * @param depthMultiplier filters per input channel, >= 1
     * @param activation {@code g}
     * @param initializer the kernel initializer, or null for the default of {@code activation}
     * @param useBias whether {@code b} is added
     */
    public DepthwiseConv2DLayer(
            String name,
            int[] kernelSize,
            int[] strides,
            Padding padding,
            int depthMultiplier,
            Activation activation,
            Initializer initializer,
            boolean useBias) {
        super(name);
        this.kernelSize = Spatial.checkPair("kernel_size", kernelSize[0], kernelSize[1], 1);
        this.strides = Spatial.checkPair("strides", strides[0], strides[1], 1);
        if (padding.isExplicit()) {
            throw new IllegalArgumentException(
                    "padding must be valid or same for " + TYPE + ", got " + padding);
        }
        if (depthMultiplier < 1) {
            throw new IllegalArgumentException(
                    "depth_multiplier must be >= 1, got " + depthMultiplier);
        }
        this.padding = padding;
        this.depthMultiplier = depthMultiplier;
        this.activation = java.util.Objects.requireNonNull(activation, "activation is null");
        this.initializer = initializer == null ? Initializers.defaultFor(activation) : initializer;
        this.useBias = useBias;
    }

    static DepthwiseConv2DLayer fromConfig(ConfigReader r) {
        String what = "a " + TYPE + " layer";
        r.checkKeys(what, KEYS);
        if (!r.has("kernel_size")) throw r.error("kernel_size", "required for " + what);
        return new DepthwiseConv2DLayer(
                r.optName(),
                Spatial.readPair(r, "kernel_size", null, 1),
                Spatial.readPair(r, "strides", new int[] {1, 1}, 1),
                Spatial.readPadding(r, Padding.VALID, false),
                r.has("depth_multiplier") ? r.requireInt("depth_multiplier", 1, what) : 1,
                r.has("activation")
                        ? Activations.resolve(r.get("activation"), r.pathOf("activation"))
                        : Activations.LINEAR,
                ConvSpec.readInitializer(r),
                r.optBool("use_bias", true));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** Filters per input channel. */
    public int depthMultiplier() {
        return depthMultiplier;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("kernel_size", Spatial.pairConfig(kernelSize));
        m.put("strides", Spatial.pairConfig(strides));
        m.put("padding", padding.config());
        m.put("depth_multiplier", depthMultiplier);
        m.put("activation", activation.config());
        m.put("initializer", initializer.name());
        m.put("use_bias", useBias);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        long channels = inputShape[2] * depthMultiplier;
        long[] out = Spatial.windowOutput(this, inputShape, kernelSize, strides, padding, channels);
        long[] shape = {kernelSize[0], kernelSize[1], inputShape[2], depthMultiplier};
        Operand<TFloat32> init =
                initializer.initialValue(graph, name() + "_depthwise_kernel", shape);
        kernel = addVariable(graph, "depthwise_kernel", init, true);
        if (useBias) {
            Operand<TFloat32> zeros =
                    Initializers.ZEROS.initialValue(graph, name() + "_bias", channels);
            bias = addVariable(graph, "bias", zeros, true);
        }
        return out;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        List<Long> s = List.of(1L, (long) strides[0], (long) strides[1], 1L);
        Operand<TFloat32> z =
                tf.nn.depthwiseConv2dNative(input, kernel.read(), s, padding.tfPadding());
        if (bias != null) z = tf.nn.biasAdd(z, bias.read());
        preActivation = z;
        return Spatial.activate(tf, activation, z, outputShape()[2]);
    }

    @Override
    public Operand<TFloat32> preActivation() {
        if (preActivation == null) {
            throw new IllegalStateException("layer '" + name() + "' has not been called yet");
        }
        return preActivation;
    }

    /** The depthwise kernel. */
    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return kernel == null ? List.of() : List.of(kernel);
    }

    /** {@code 2 f_h f_w} per output element, plus one per element for the bias. */
    @Override
    public long flops() {
        long[] out = outputShape();
        long elements = out[0] * out[1] * out[2];
        return elements * 2L * kernelSize[0] * kernelSize[1] + (useBias ? elements : 0);
    }
}
