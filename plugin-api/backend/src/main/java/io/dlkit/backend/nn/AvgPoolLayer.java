package io.dlkit.backend.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Average pooling (type {@code avg_pool}): each output is the mean of its window, per channel,
 *
 * <pre>
 * out[i, y, x, c] = (1 / |window|) sum_{(u, v) in window} A[i, y s_h + u - top, x s_w + v - left, c]
 * </pre>
 *
 * <p>With {@code same} padding the window is cut to the input, and {@code |window|} counts only the
 * pixels inside it (TensorFlow's rule: the padding zeros do not dilute the mean). With {@code
 * valid} padding {@code |window| = f_h f_w}. Back-propagation spreads each output's gradient evenly
 * over its window (the notes' mask of {@code 1 / |window|}). See {@link PoolLayer} for the sizes
 * and config keys.
 */
public final class AvgPoolLayer extends PoolLayer {
    /** The type name in model files. */
    public static final String TYPE = "avg_pool";

    /** An {@code f x f} average pool with stride {@code f} and {@code valid} padding. */
    public AvgPoolLayer(int poolSize) {
        this(null, poolSize, poolSize, Padding.VALID);
    }

    /**
     * A square average pool.
     *
     * @param name the name, or null to let the model name it
     * @param poolSize {@code f >= 1}
     * @param stride {@code s >= 1}
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     */
    public AvgPoolLayer(String name, int poolSize, int stride, Padding padding) {
        this(name, new int[] {poolSize, poolSize}, new int[] {stride, stride}, padding);
    }

    /**
     * @param name the name, or null to let the model name it
     * @param poolSize {@code [f_h, f_w]}, each >= 1
     * @param strides {@code [s_h, s_w]}, each >= 1
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     */
    public AvgPoolLayer(String name, int[] poolSize, int[] strides, Padding padding) {
        super(name, poolSize, strides, padding);
    }

    static AvgPoolLayer fromConfig(ConfigReader r) {
        Read p = read(r, TYPE);
        return new AvgPoolLayer(p.name(), p.poolSize(), p.strides(), p.padding());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected Operand<TFloat32> pool(
            Ops tf, Operand<TFloat32> input, List<Long> window, List<Long> steps, String padding) {
        return tf.nn.avgPool(input, window, steps, padding);
    }
}
