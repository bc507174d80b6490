package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * An inception block (type {@code inception_block}), the notes' "Actual Inception Network Block":
 * four parallel branches over the same input {@code a} of shape {@code [m, H, W, C]}, all keeping
 * {@code H x W} ({@code same} padding, stride 1), stacked on the channel axis:
 *
 * <pre>
 * b1 = g(conv_1x1(a))                                  [m, H, W, F1]
 * b3 = g(conv_3x3(g(conv_1x1(a))))                     [m, H, W, F3]   (1x1 reduces C to R3 first)
 * b5 = g(conv_5x5(g(conv_1x1(a))))                     [m, H, W, F5]   (1x1 reduces C to R5 first)
 * bp = g(conv_1x1(maxpool_3x3, stride 1, same (a)))    [m, H, W, FP]
 * out = concat([b1, b3, b5, bp], axis 3)               [m, H, W, F1 + F3 + F5 + FP]
 * </pre>
 *
 * <p>The 1x1 "reduce" convolutions are what make the block cheap: a 5x5 conv from {@code C} to
 * {@code F5} channels costs {@code 25 C F5} multiply-adds per pixel directly, and {@code C R5 + 25
 * R5 F5} through {@code R5} channels.
 *
 * <p>Config keys (all required, >= 1): {@code filters_1x1} (F1), {@code filters_3x3_reduce} (R3),
 * {@code filters_3x3} (F3), {@code filters_5x5_reduce} (R5), {@code filters_5x5} (F5), {@code
 * filters_pool_proj} (FP); optional {@code activation} (default relu) and {@code batch_norm}
 * (default false: conv → BN → g in every conv, no biases). Sub-layers {@code <name>_1x1}, {@code
 * _3x3_reduce}, {@code _3x3}, {@code _5x5_reduce}, {@code _5x5}, {@code _pool}, {@code _pool_proj}.
 * Outputs: the branches {@code 1x1}, {@code 3x3}, {@code 5x5}, {@code pool_proj}.
 */
public final class InceptionBlock extends BlockLayer {
    /** The type name in model files. */
    public static final String TYPE = "inception_block";

    private static final List<String> FILTER_KEYS =
            List.of(
                    "filters_1x1",
                    "filters_3x3_reduce",
                    "filters_3x3",
                    "filters_5x5_reduce",
                    "filters_5x5",
                    "filters_pool_proj");

    private final int[] filters;
    private final Activation activation;
    private final boolean batchNorm;
    private final Conv2DLayer[] convs = new Conv2DLayer[6];
    private final MaxPoolLayer pool;

    /**
     * @param name the name, or null to let the model name it
     * @param filters {@code [F1, R3, F3, R5, F5, FP]}, each >= 1
     * @param activation {@code g} of every convolution
     * @param batchNorm whether every convolution is conv → BN → g without a bias
     */
    public InceptionBlock(String name, int[] filters, Activation activation, boolean batchNorm) {
        super(name, List.of("1x1", "3x3", "5x5", "pool_proj"));
        requireNonNull(filters, "filters is null");
        if (filters.length != 6) {
            throw new IllegalArgumentException(
                    "filters must be [F1, R3, F3, R5, F5, FP], got " + filters.length + " values");
        }
        for (int i = 0; i < 6; i++) {
            if (filters[i] < 1) {
                throw new IllegalArgumentException(
                        FILTER_KEYS.get(i) + " must be >= 1, got " + filters[i]);
            }
        }
        this.filters = filters.clone();
        this.activation = requireNonNull(activation, "activation is null");
        this.batchNorm = batchNorm;
        convs[0] = addSubLayer("1x1", conv(filters[0], 1));
        convs[1] = addSubLayer("3x3_reduce", conv(filters[1], 1));
        convs[2] = addSubLayer("3x3", conv(filters[2], 3));
        convs[3] = addSubLayer("5x5_reduce", conv(filters[3], 1));
        convs[4] = addSubLayer("5x5", conv(filters[4], 5));
        pool = addSubLayer("pool", new MaxPoolLayer(null, 3, 1, Padding.SAME));
        convs[5] = addSubLayer("pool_proj", conv(filters[5], 1));
    }

    /**
     * A relu block without batch norm, GoogLeNet's inception (3a) being {@code (64, 96, 128, 16,
     * 32, 32)}.
     */
    public InceptionBlock(int f1, int r3, int f3, int r5, int f5, int fp) {
        this(null, new int[] {f1, r3, f3, r5, f5, fp}, Activations.RELU, false);
    }

    private Conv2DLayer conv(int filters, int size) {
        return Conv2DLayer.builder()
                .setFilters(filters)
                .setKernelSize(size)
                .optPadding(Padding.SAME)
                .optActivation(activation)
                .optBatchNorm(batchNorm)
                .build();
    }

    static InceptionBlock fromConfig(ConfigReader r) {
        List<String> keys = new ArrayList<>(List.of("type", "name"));
        keys.addAll(FILTER_KEYS);
        keys.addAll(List.of("activation", "batch_norm"));
        r.checkKeys("an " + TYPE + " layer", keys);
        int[] filters = new int[6];
        for (int i = 0; i < 6; i++) {
            filters[i] = r.requireInt(FILTER_KEYS.get(i), 1, "an " + TYPE + " layer");
        }
        Activation activation =
                r.has("activation")
                        ? Activations.resolve(r.get("activation"), r.pathOf("activation"))
                        : Activations.RELU;
        return new InceptionBlock(r.optName(), filters, activation, r.optBool("batch_norm", false));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code [F1, R3, F3, R5, F5, FP]}. */
    public int[] filters() {
        return filters.clone();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        for (int i = 0; i < 6; i++) {
            m.put(FILTER_KEYS.get(i), filters[i]);
        }
        m.put("activation", activation.config());
        m.put("batch_norm", batchNorm);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        convs[0].build(graph, inputShape);
        convs[2].build(graph, convs[1].build(graph, inputShape));
        convs[4].build(graph, convs[3].build(graph, inputShape));
        convs[5].build(graph, pool.build(graph, inputShape));
        long channels = (long) filters[0] + filters[2] + filters[4] + filters[5];
        return new long[] {inputShape[0], inputShape[1], channels};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> b1 = record("1x1", convs[0].call(graph, input, training));
        Operand<TFloat32> b3 =
                record(
                        "3x3",
                        convs[2].call(graph, convs[1].call(graph, input, training), training));
        Operand<TFloat32> b5 =
                record(
                        "5x5",
                        convs[4].call(graph, convs[3].call(graph, input, training), training));
        Operand<TFloat32> bp =
                record(
                        "pool_proj",
                        convs[5].call(graph, pool.call(graph, input, training), training));
        return tf.concat(List.of(b1, b3, b5, bp), tf.constant(3));
    }
}
