package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Unrolls each sample into one feature vector (type {@code flatten}): {@code [m, d_1, ..., d_k]}
 * becomes {@code [m, d_1 ... d_k]} in row-major order, so for a volume {@code [m, H, W, C]}
 *
 * <pre>
 * out[i, (y W + x) C + c] = A[i, y, x, c]
 * </pre>
 *
 * <p>A dense kernel {@code [H W C, units]} after this layer is therefore, element for element, a
 * convolution kernel {@code [H, W, C, units]} ({@link ConvolutionalizedDense} relies on it). No
 * variables; config keys: {@code type}, {@code name}.
 */
public final class FlattenLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "flatten";

    /** A flatten layer named by the model. */
    public FlattenLayer() {
        this(null);
    }

    /**
     * @param name the name, or null to let the model name it
     */
    public FlattenLayer(String name) {
        super(name);
    }

    static FlattenLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name"));
        return new FlattenLayer(r.optName());
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
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' needs a known input shape, got "
                            + Arrays.toString(inputShape));
        }
        return new long[] {Arrays.stream(inputShape).reduce(1, Math::multiplyExact)};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        long features = outputShape()[0];
        return graph.tf().reshape(input, graph.tf().constant(new long[] {-1, features}));
    }
}
