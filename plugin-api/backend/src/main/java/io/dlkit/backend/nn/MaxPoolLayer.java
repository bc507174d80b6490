package io.dlkit.backend.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Max pooling (type {@code max_pool}): each output is the largest input of its window, per channel,
 *
 * <pre>
 * out[i, y, x, c] = max_{u < f_h, v < f_w} A[i, y s_h + u - top, x s_w + v - left, c]
 * </pre>
 *
 * <p>where positions outside the input (the {@code same} padding) never win. Back-propagation
 * routes each output's gradient to the one input that was the maximum (the notes' mask {@code M}
 * with a single 1). See {@link PoolLayer} for the sizes and config keys.
 */
public final class MaxPoolLayer extends PoolLayer {
    /** The type name in model files. */
    public static final String TYPE = "max_pool";

    /** An {@code f x f} max pool with stride {@code f} and {@code valid} padding. */
    public MaxPoolLayer(int poolSize) {
        this(null, poolSize, poolSize, Padding.VALID);
    }

    /**
     * A square max pool.
     *
     * @param name the name, or null to let the model name it
     * @param poolSize {@code f >= 1}
     * @param stride {@code s >= 1}
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     */
    public MaxPoolLayer(String name, int poolSize, int stride, Padding padding) {
        this(name, new int[] {poolSize, poolSize}, new int[] {stride, stride}, padding);
    }

    /**
     * @param name the name, or null to let the model name it
     * @param poolSize {@code [f_h, f_w]}, each >= 1
     * @param strides {@code [s_h, s_w]}, each >= 1
     * @param padding {@link Padding#VALID} or {@link Padding#SAME}
     */
    public MaxPoolLayer(String name, int[] poolSize, int[] strides, Padding padding) {
        super(name, poolSize, strides, padding);
    }

    static MaxPoolLayer fromConfig(ConfigReader r) {
        Read p = read(r, TYPE);
        return new MaxPoolLayer(p.name(), p.poolSize(), p.strides(), p.padding());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * The v1 {@code MaxPool} op (window and strides as attributes), built by name: {@code
     * tf.nn.maxPool} creates {@code MaxPoolV2}, which oneDNN does not take over, and whose Eigen
     * kernels made LeNet-5's two pools and their gradients about a third of a training step (issue
     * #15). Both have a registered gradient ({@code MaxPoolGrad}).
     */
    @Override
    protected Operand<TFloat32> pool(
            Ops tf, Operand<TFloat32> input, List<Long> window, List<Long> steps, String padding) {
        return tf.scope()
                .opBuilder("MaxPool", "MaxPool")
                .addInput(input.asOutput())
                .setAttr("ksize", window.stream().mapToLong(Long::longValue).toArray())
                .setAttr("strides", steps.stream().mapToLong(Long::longValue).toArray())
                .setAttr("padding", padding)
                .build()
                .<TFloat32>output(0);
    }
}
