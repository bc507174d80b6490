package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Moves {@code b x b} spatial blocks into channels (type {@code space_to_depth}, YOLOv2's "reorg"
 * of its passthrough): {@code [m, H, W, C]} becomes {@code [m, H/b, W/b, b b C]} with
 *
 * <pre>
 * out[i, y, x, (dy b + dx) C + c] = A[i, y b + dy, x b + dx, c]
 * </pre>
 *
 * <p>(TensorFlow's SpaceToDepth, NHWC; it has a gradient). No variables, no arithmetic (0 FLOPs).
 * Config keys: {@code type}, {@code name}, {@code block_size} (an integer >= 2, default 2); H and W
 * must be multiples of it.
 */
public final class SpaceToDepthLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "space_to_depth";

    private final int blockSize;

    /**
     * @param name the name, or null to let the model name it
     * @param blockSize the block edge b, at least 2
     */
    public SpaceToDepthLayer(String name, int blockSize) {
        super(name);
        if (blockSize < 2) {
            throw new IllegalArgumentException("block_size must be >= 2, got " + blockSize);
        }
        this.blockSize = blockSize;
    }

    static SpaceToDepthLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name", "block_size"));
        return new SpaceToDepthLayer(r.optName(), r.optInt("block_size", 2, 2));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("block_size", blockSize);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] in) {
        if (in.length != 3 || in[0] % blockSize != 0 || in[1] % blockSize != 0) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' needs an input [height, width, channels] with height and width"
                            + " multiples of block_size "
                            + blockSize
                            + ", got "
                            + Arrays.toString(in));
        }
        return new long[] {in[0] / blockSize, in[1] / blockSize, in[2] * blockSize * blockSize};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        return graph.tf().nn.spaceToDepth(input, (long) blockSize);
    }
}
