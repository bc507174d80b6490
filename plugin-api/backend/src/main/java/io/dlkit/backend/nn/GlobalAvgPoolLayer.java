package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Global average pooling (type {@code global_avg_pool}): the mean of each channel over the whole
 * image, turning a volume {@code [m, H, W, C]} into features {@code [m, C]},
 *
 * <pre>
 * out[i, c] = (1 / (H W)) sum_{y < H, x < W} A[i, y, x, c]
 * </pre>
 *
 * <p>The usual bridge from the last residual or inception stage to the classifier; unlike {@link
 * FlattenLayer} it works for any image size. No variables; config keys: {@code type}, {@code name}.
 */
public final class GlobalAvgPoolLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "global_avg_pool";

    /** Global average pooling named by the model. */
    public GlobalAvgPoolLayer() {
        this(null);
    }

    /**
     * @param name the name, or null to let the model name it
     */
    public GlobalAvgPoolLayer(String name) {
        super(name);
    }

    static GlobalAvgPoolLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name"));
        return new GlobalAvgPoolLayer(r.optName());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        return baseConfig();
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        return new long[] {inputShape[2]};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        return graph.tf().math.mean(input, graph.tf().constant(new int[] {1, 2}));
    }

    /** One addition per input element. */
    @Override
    public long flops() {
        long[] in = inputShape();
        return in[0] * in[1] * in[2];
    }
}
