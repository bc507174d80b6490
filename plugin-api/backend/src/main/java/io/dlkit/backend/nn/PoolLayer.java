package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The common part of {@link MaxPoolLayer} and {@link AvgPoolLayer}: an {@code f_h x f_w} window
 * moved {@code s_h, s_w} pixels at a time over each channel of a {@code [m, n_H, n_W, n_C]} volume
 * on its own (the notes' "Pooling Layers": hyperparameters only, nothing to learn). The output is
 * {@code [m, out_H, out_W, n_C]} with {@code out} from the {@link Padding}: {@code floor((n - f) /
 * s) + 1} for {@code valid}, {@code ceil(n / s)} for {@code same}.
 *
 * <p>Config keys: {@code pool_size} ({@code f} or {@code [f_h, f_w]}, default 2), {@code strides}
 * (default: the pool size), {@code padding} ({@code valid} or {@code same}, default {@code valid}).
 */
public abstract class PoolLayer extends AbstractLayer {
    private static final List<String> KEYS =
            List.of("type", "name", "pool_size", "strides", "padding");

    private final int[] poolSize;
    private final int[] strides;
    private final Padding padding;

    /**
     * @param name the name, or null to let the model name it
     * @param poolSize {@code [f_h, f_w]}, each >= 1
     * @param strides {@code [s_h, s_w]}, each >= 1
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     */
    protected PoolLayer(String name, int[] poolSize, int[] strides, Padding padding) {
        super(name);
        this.poolSize = Spatial.checkPair("pool_size", poolSize[0], poolSize[1], 1);
        this.strides = Spatial.checkPair("strides", strides[0], strides[1], 1);
        this.padding = requireNonNull(padding, "padding is null");
        if (padding.isExplicit()) {
            throw new IllegalArgumentException(
                    "padding must be valid or same for pooling, got " + padding);
        }
    }

    /** What a pooling layer's map describes: {@code [poolSize, strides]} and the padding. */
    record Read(String name, int[] poolSize, int[] strides, Padding padding) {}

    static Read read(ConfigReader r, String type) {
        r.checkKeys("a " + type + " layer", KEYS);
        int[] pool = Spatial.readPair(r, "pool_size", new int[] {2, 2}, 1);
        int[] strides = Spatial.readPair(r, "strides", pool, 1);
        return new Read(r.optName(), pool, strides, Spatial.readPadding(r, Padding.VALID, false));
    }

    /** {@code [f_h, f_w]}. */
    public int[] poolSize() {
        return poolSize.clone();
    }

    /** {@code [s_h, s_w]}. */
    public int[] strides() {
        return strides.clone();
    }

    /** {@link Padding#VALID} or {@link Padding#SAME}. */
    public Padding padding() {
        return padding;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("pool_size", Spatial.pairConfig(poolSize));
        m.put("strides", Spatial.pairConfig(strides));
        m.put("padding", padding.config());
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        return Spatial.windowOutput(this, inputShape, poolSize, strides, padding, inputShape[2]);
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        List<Long> window = List.of(1L, (long) poolSize[0], (long) poolSize[1], 1L);
        List<Long> steps = List.of(1L, (long) strides[0], (long) strides[1], 1L);
        return pool(graph.tf(), input, window, steps, padding.tfPadding());
    }

    /** Adds the pooling op for NHWC {@code window} and {@code steps}. */
    protected abstract Operand<TFloat32> pool(
            Ops tf, Operand<TFloat32> input, List<Long> window, List<Long> steps, String padding);

    /** {@code f_h f_w} operations (comparisons or additions) per output element. */
    @Override
    public long flops() {
        long[] out = outputShape();
        return out[0] * out[1] * out[2] * poolSize[0] * poolSize[1];
    }
}
