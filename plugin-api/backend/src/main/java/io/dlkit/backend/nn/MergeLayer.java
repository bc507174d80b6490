package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A layer of a {@link FunctionalModel} that joins several inputs, without variables: {@code concat}
 * joins along the last axis (all other dimensions equal), {@code add} and {@code multiply} combine
 * element by element (all shapes equal). Config keys: {@code type}, {@code name}.
 */
public final class MergeLayer extends AbstractLayer {
    /** How the inputs are joined. */
    public enum Mode {
        /** Along the last axis. */
        CONCAT,
        /** Element-wise sum. */
        ADD,
        /** Element-wise product. */
        MULTIPLY;

        /** The type name in model files. */
        public String type() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The merge type names in model files. */
    public static final List<String> TYPES = List.of("concat", "add", "multiply");

    private final Mode mode;
    private long[] mergedShape;
    private int inputCount;

    /**
     * @param name the name, or null to let the model name it
     * @param mode how the inputs are joined
     */
    public MergeLayer(String name, Mode mode) {
        super(name);
        this.mode = java.util.Objects.requireNonNull(mode, "mode is null");
    }

    /** Whether {@code type} names a merge layer. */
    public static boolean isMerge(String type) {
        return TYPES.contains(type);
    }

    static MergeLayer fromConfig(ConfigReader r) {
        String type = r.optString("type", "");
        r.checkKeys("a " + type + " layer", List.of("type", "name"));
        return new MergeLayer(r.optName(), Mode.valueOf(type.toUpperCase(Locale.ROOT)));
    }

    @Override
    public String type() {
        return mode.type();
    }

    @Override
    public Map<String, Object> config() {
        return baseConfig();
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        throw new IllegalArgumentException(
                type()
                        + " layer '"
                        + name()
                        + "' joins several inputs: use it in a model with"
                        + " inputs and named layer inputs");
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        throw new IllegalStateException(type() + " layer '" + name() + "' needs several inputs");
    }

    /**
     * The output shape for {@code shapes} (at least two).
     *
     * @throws IllegalArgumentException with the shapes when they cannot be joined
     */
    public long[] buildMerge(List<long[]> shapes) {
        if (shapes.size() < 2) {
            throw new IllegalArgumentException(
                    type() + " needs at least two inputs, got " + shapes.size());
        }
        long[] first = shapes.get(0);
        long[] out = first.clone();
        for (long[] s : shapes.subList(1, shapes.size())) {
            boolean ok =
                    mode == Mode.CONCAT
                            ? s.length == first.length
                                    && Arrays.equals(s, 0, s.length - 1, first, 0, s.length - 1)
                            : Arrays.equals(s, first);
            if (!ok) {
                throw new IllegalArgumentException(
                        type()
                                + " needs "
                                + (mode == Mode.CONCAT
                                        ? "shapes equal except the last axis"
                                        : "equal shapes")
                                + ", got "
                                + describe(shapes));
            }
            if (mode == Mode.CONCAT) out[out.length - 1] += s[s.length - 1];
        }
        mergedShape = out;
        inputCount = shapes.size();
        return out.clone();
    }

    /** Joins {@code inputs}, each {@code [batch, shape...]}; after {@link #buildMerge}. */
    public Operand<TFloat32> merge(GraphContext graph, List<Operand<TFloat32>> inputs) {
        var tf = graph.tf();
        if (mode == Mode.CONCAT) {
            return tf.concat(inputs, tf.constant(-1));
        }
        Operand<TFloat32> y = inputs.get(0);
        for (Operand<TFloat32> x : inputs.subList(1, inputs.size())) {
            y = mode == Mode.ADD ? tf.math.add(y, x) : tf.math.mul(y, x);
        }
        return y;
    }

    /** The merged shape without the batch dimension (after {@link #buildMerge}). */
    public long[] mergedShape() {
        if (mergedShape == null) throw new IllegalStateException("not built yet");
        return mergedShape.clone();
    }

    /** {@inheritDoc} One operation per output element and extra input; 0 for concat. */
    @Override
    public long flops() {
        if (mergedShape == null || mode == Mode.CONCAT) return 0;
        return Arrays.stream(mergedShape).reduce(1, Math::multiplyExact) * (inputCount - 1);
    }

    private static String describe(List<long[]> shapes) {
        List<String> s = new ArrayList<>();
        for (long[] x : shapes) s.add(Arrays.toString(x));
        return String.join(" and ", s);
    }
}
