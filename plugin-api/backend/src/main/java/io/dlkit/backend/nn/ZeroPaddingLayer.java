package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Surrounds each channel of a volume with zeros (type {@code zero_padding}), as ResNet-50's first
 * step pads its input by 3: {@code [m, H, W, C]} becomes {@code [m, top + H + bottom, left + W +
 * right, C]} with
 *
 * <pre>
 * out[i, y + top, x + left, c] = A[i, y, x, c], and 0 elsewhere
 * </pre>
 *
 * <p>Config key: {@code padding}, {@code p} (the same on all four sides) or {@code [top, bottom,
 * left, right]}, each >= 0 (default 1). No variables.
 */
public final class ZeroPaddingLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "zero_padding";

    private final int[] padding;

    /** {@code p} zeros on every side, named by the model. */
    public ZeroPaddingLayer(int p) {
        this(null, p, p, p, p);
    }

    /**
     * @param name the name, or null to let the model name it
     * @param top rows of zeros above, >= 0
     * @param bottom rows below, >= 0
     * @param left columns to the left, >= 0
     * @param right columns to the right, >= 0
     */
    public ZeroPaddingLayer(String name, int top, int bottom, int left, int right) {
        super(name);
        this.padding = new int[] {top, bottom, left, right};
        if (Arrays.stream(padding).anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException(
                    "padding must be >= 0, got " + Arrays.toString(padding));
        }
    }

    static ZeroPaddingLayer fromConfig(ConfigReader r) {
        r.checkKeys("a " + TYPE + " layer", List.of("type", "name", "padding"));
        Object v = r.has("padding") ? r.get("padding") : 1;
        int[] p = null;
        if (Spatial.isInt(v)) {
            int i = ((Number) v).intValue();
            p = new int[] {i, i, i, i};
        } else if (v instanceof List<?> list
                && list.size() == 4
                && list.stream().allMatch(Spatial::isInt)) {
            p = list.stream().mapToInt(e -> ((Number) e).intValue()).toArray();
        }
        if (p == null || Arrays.stream(p).anyMatch(e -> e < 0)) {
            throw r.error(
                    "padding",
                    "must be an integer >= 0 or a list [top, bottom, left, right] of them, got "
                            + ConfigReader.show(v));
        }
        return new ZeroPaddingLayer(r.optName(), p[0], p[1], p[2], p[3]);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** {@code [top, bottom, left, right]}. */
    public int[] padding() {
        return padding.clone();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        boolean even = Arrays.stream(padding).allMatch(p -> p == padding[0]);
        m.put("padding", even ? (Object) padding[0] : Arrays.stream(padding).boxed().toList());
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        Spatial.requireImageInput(this, inputShape);
        return new long[] {
            inputShape[0] + padding[0] + padding[1],
            inputShape[1] + padding[2] + padding[3],
            inputShape[2]
        };
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        // int32: with int64 paddings the PadV2 gradient mixes Slice index types and fails
        int[][] pads = {{0, 0}, {padding[0], padding[1]}, {padding[2], padding[3]}, {0, 0}};
        return tf.pad(input, tf.constant(pads), tf.constant(0f));
    }
}
