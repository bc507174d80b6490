package io.dlkit.plugins.detector.layers;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.runtime.GraphContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Darknet's {@code [reorg]} (type {@code darknet_reorg}), YOLOv2's passthrough in the element order
 * Darknet's weights expect, which is not TensorFlow's SpaceToDepth (see {@link
 * io.dlkit.plugins.detector.darknet.DarknetReorg}). {@code [m, H, W, C]} becomes {@code [m, H/s,
 * W/s, C s^2]}: Darknet reads its {@code C x H x W} input as a {@code C/s^2 x Hs x Ws} map {@code
 * X} and writes
 *
 * <pre>
 * out_chw[(dy s + dx) C/s^2 + c, j, i] = X[c, j s + dy, i s + dx]     (flat, as C s^2 x H/s x W/s)
 * </pre>
 *
 * which is reshape and transpose only: NHWC to NCHW, reshape {@code [m, C/s^2, H, s, W, s]},
 * transpose to {@code [m, s, s, C/s^2, H, W]}, reshape {@code [m, C s^2, H/s, W/s]}, back to NHWC.
 * It has a gradient and no variables. Config keys: {@code type}, {@code name}, {@code stride}
 * (default 2).
 */
public final class ReorgLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "darknet_reorg";

    private final int stride;
    private long[] in;

    /**
     * @param name the name, or null to let the model name it
     * @param stride the block edge s, at least 2
     */
    public ReorgLayer(String name, int stride) {
        super(name);
        if (stride < 2) throw new IllegalArgumentException("stride must be >= 2, got " + stride);
        this.stride = stride;
    }

    static ReorgLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name", "stride"));
        return new ReorgLayer(r.optName(), r.optInt("stride", 2, 2));
    }

    /** The block edge. */
    public int stride() {
        return stride;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("stride", stride);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] shape) {
        long s2 = (long) stride * stride;
        if (shape.length != 3
                || shape[0] % stride != 0
                || shape[1] % stride != 0
                || shape[2] % s2 != 0) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' needs [height, width, channels] with height and width multiples"
                            + " of "
                            + stride
                            + " and channels of "
                            + s2
                            + ", got "
                            + Arrays.toString(shape));
        }
        in = shape.clone();
        return new long[] {shape[0] / stride, shape[1] / stride, shape[2] * s2};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        long h = in[0];
        long w = in[1];
        long c = in[2];
        long s = stride;
        Operand<TFloat32> chw = tf.linalg.transpose(input, tf.constant(new int[] {0, 3, 1, 2}));
        Operand<TFloat32> six =
                tf.reshape(chw, tf.constant(new long[] {-1, c / (s * s), h, s, w, s}));
        Operand<TFloat32> moved =
                tf.linalg.transpose(six, tf.constant(new int[] {0, 3, 5, 1, 2, 4}));
        Operand<TFloat32> outChw =
                tf.reshape(moved, tf.constant(new long[] {-1, c * s * s, h / s, w / s}));
        return tf.linalg.transpose(outChw, tf.constant(new int[] {0, 2, 3, 1}));
    }
}
