package io.dlkit.plugins.face.train;

import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * DeepFace's verification head on top of a frozen encoder: the input is the two descriptors of a
 * pair side by side ({@code [2d]}: {@code f(x_i)} then {@code f(x_j)}), the output the probability
 * that they show one person,
 *
 * <pre>
 * y_hat = sigmoid(sum_k w_k |f(x_i)_k - f(x_j)_k| + b)                        (distance abs)
 * y_hat = sigmoid(sum_k w_k (f(x_i)_k - f(x_j)_k)^2 / (f(x_i)_k + f(x_j)_k) + b)  (chi_square)
 * </pre>
 *
 * <p>The chi-square form is DeepFace's, for its non-negative (ReLU) features; descriptors here may
 * be negative, so its denominator is taken as {@code |f(x_i)_k| + |f(x_j)_k| + 1e-6}, which is the
 * same for non-negative features and never zero or negative. {@code w} and {@code b} are one dense
 * unit (variables {@code verification_kernel} {@code [d, 1]} and {@code verification_bias}),
 * trained with the binary cross-entropy on labelled pairs; the encoder's descriptors are computed
 * once beforehand (the notes' precomputed encodings), so the encoder stays frozen.
 */
public final class VerificationHead implements Model {
    /** The two pair features. */
    public enum Distance {
        /** {@code |a - b|}. */
        ABS,
        /** {@code (a - b)^2 / (|a| + |b|)}. */
        CHI_SQUARE;

        /** The option value: {@code abs} or {@code chi_square}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code abs} or {@code chi_square}. */
        public static Distance parse(String s) {
            for (Distance d : values()) if (d.id().equals(s)) return d;
            throw new IllegalArgumentException(
                    "--distance must be abs or chi_square, got '" + s + "'");
        }
    }

    private final int size;
    private final Distance distance;
    private final DenseLayer dense;

    /** A head over descriptors of {@code size} numbers. */
    public VerificationHead(int size, Distance distance) {
        if (size < 1) throw new IllegalArgumentException("size must be >= 1, got " + size);
        this.size = size;
        this.distance = distance;
        this.dense =
                DenseLayer.builder()
                        .setUnits(1)
                        .optName("verification")
                        .optActivation("sigmoid")
                        .optInitializer("zeros")
                        .build();
    }

    /** The pair feature of descriptors {@code a} and {@code b}, as the graph computes it. */
    public static double feature(Distance distance, double a, double b) {
        double d = a - b;
        return distance == Distance.ABS ? Math.abs(d) : d * d / (Math.abs(a) + Math.abs(b) + 1e-6);
    }

    @Override
    public long[] inputShape() {
        return new long[] {2L * size};
    }

    @Override
    public List<Layer> layers() {
        return List.of(dense);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "verification_head");
        m.put("size", size);
        m.put("distance", distance.id());
        return m;
    }

    @Override
    public Forward forward(GraphContext graph, Operand<TFloat32> x, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> pair = tf.reshape(x, tf.constant(new long[] {-1, 2, size}));
        Operand<TFloat32> a = column(tf, pair, 0);
        Operand<TFloat32> b = column(tf, pair, 1);
        Operand<TFloat32> d = tf.math.sub(a, b);
        Operand<TFloat32> feature =
                distance == Distance.ABS
                        ? tf.math.abs(d)
                        : tf.math.div(
                                tf.math.square(d),
                                tf.math.add(
                                        tf.math.add(tf.math.abs(a), tf.math.abs(b)),
                                        tf.constant(1e-6f)));
        dense.build(graph, new long[] {size});
        Operand<TFloat32> y = dense.call(graph, feature, training);
        return new Forward(dense.preActivation(), y, "sigmoid");
    }

    private static Operand<TFloat32> column(Ops tf, Operand<TFloat32> pair, int i) {
        return tf.reshape(
                tf.gather(pair, tf.constant(new int[] {i}), tf.constant(1)),
                tf.constant(new long[] {-1, pair.shape().size(2)}));
    }

    @Override
    public List<WeightVariable<TFloat32>> trainableVariables() {
        return dense.variables().stream().filter(WeightVariable::trainable).toList();
    }

    @Override
    public List<WeightVariable<TFloat32>> variables() {
        return dense.variables();
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return dense.regularizedWeights();
    }

    @Override
    public List<Op> trainingUpdates() {
        return List.of();
    }
}
