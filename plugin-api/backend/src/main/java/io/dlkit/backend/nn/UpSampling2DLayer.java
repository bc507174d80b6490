package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Nearest-neighbour upsampling (type {@code up_sampling2d}, Keras' {@code UpSampling2D}), the
 * decoder half of an encoder-decoder: {@code [m, H, W, C]} becomes {@code [m, s H, s W, C]} with
 *
 * <pre>
 * out[i, y, x, c] = A[i, floor(y / s), floor(x / s), c]
 * </pre>
 *
 * <p>(TensorFlow's ResizeNearestNeighbor, which has a gradient: each input cell receives the sum of
 * its s x s copies' gradients). No variables, no arithmetic (0 FLOPs). Config keys: {@code type},
 * {@code name}, {@code size} (an integer >= 2, default 2).
 */
public final class UpSampling2DLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "up_sampling2d";

    private final int size;
    private int[] outSize;

    /**
     * @param name the name, or null to let the model name it
     * @param size the factor s on height and width, at least 2
     */
    public UpSampling2DLayer(String name, int size) {
        super(name);
        if (size < 2) throw new IllegalArgumentException("size must be >= 2, got " + size);
        this.size = size;
    }

    static UpSampling2DLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name", "size"));
        return new UpSampling2DLayer(r.optName(), r.optInt("size", 2, 2));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("size", size);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] in) {
        if (in.length != 3) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' needs an input [height, width, channels], got "
                            + Arrays.toString(in));
        }
        outSize = new int[] {Math.toIntExact(in[0] * size), Math.toIntExact(in[1] * size)};
        return new long[] {in[0] * size, in[1] * size, in[2]};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        var tf = graph.tf();
        return tf.image.resizeNearestNeighbor(input, tf.constant(outSize));
    }
}
