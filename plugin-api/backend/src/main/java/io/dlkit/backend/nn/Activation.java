package io.dlkit.backend.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.family.TNumber;

/**
 * An element-wise (or, for softmax, row-wise) nonlinearity {@code a = g(z)}. Get one from {@link
 * Activations}: by name ({@code relu}), from a map ({@code {name: leaky_relu, slope: 0.2}}) or as a
 * constant ({@link Activations#RELU}). Every activation here has a registered TensorFlow gradient,
 * so layers using it can be trained with {@code tf.gradients}.
 *
 * <ul>
 *   <li>{@code linear}: {@code g(z) = z}, {@code g'(z) = 1}
 *   <li>{@code sigmoid}: {@code g(z) = 1 / (1 + e^-z)}, {@code g'(z) = g(z) (1 - g(z))}
 *   <li>{@code tanh}: {@code g(z) = (e^z - e^-z) / (e^z + e^-z)}, {@code g'(z) = 1 - g(z)^2}
 *   <li>{@code relu}: {@code g(z) = max(0, z)}, {@code g'(z) = 1 if z > 0 else 0}
 *   <li>{@code relu6}: {@code g(z) = min(max(0, z), 6)} (MobileNet), {@code g'(z) = 1 if 0 < z < 6
 *       else 0}
 *   <li>{@code leaky_relu}: {@code g(z) = max(slope z, z)} for {@code 0 <= slope < 1} (default
 *       0.01; TensorFlow stores it as a float32 attribute), {@code g'(z) = 1 if z > 0 else slope}
 *   <li>{@code softmax}: {@code g(z)_i = e^{z_i} / sum_j e^{z_j}} over the last axis of a rank-2
 *       {@code [batch, classes]} tensor; its Jacobian is {@code diag(a) - a a^T}
 * </ul>
 */
public final class Activation {
    private final String name;
    private final double slope;

    Activation(String name, double slope) {
        this.name = name;
        this.slope = slope;
    }

    /** The name used in model files: {@code relu}, {@code leaky_relu}, {@code softmax}, ... */
    public String name() {
        return name;
    }

    /** The negative-side slope of {@code leaky_relu}; 0 for every other activation. */
    public double slope() {
        return slope;
    }

    /** Whether this is {@code relu} or {@code leaky_relu} (He initialisation suits these). */
    public boolean isReluFamily() {
        return name.equals("relu") || name.equals("leaky_relu") || name.equals("relu6");
    }

    /**
     * Adds {@code g(z)} to the graph.
     *
     * @param tf the op builder
     * @param z the pre-activation; rank 2 ({@code [batch, classes]}) for softmax
     * @return the activation, same shape as {@code z}
     * @throws IllegalArgumentException for softmax on a tensor of known rank other than 2
     */
    public <T extends TNumber> Operand<T> apply(Ops tf, Operand<T> z) {
        return switch (name) {
            case "linear" -> tf.identity(z);
            case "sigmoid" -> tf.math.sigmoid(z);
            case "tanh" -> tf.math.tanh(z);
            case "relu" -> tf.nn.relu(z);
            case "relu6" -> tf.nn.relu6(z);
            case "leaky_relu" -> tf.nn.leakyRelu(z, LeakyRelu.alpha((float) slope));
            case "softmax" -> tf.nn.softmax(requireRank2(z));
            default -> throw new IllegalStateException("unhandled activation " + name);
        };
    }

    private static <T extends TNumber> Operand<T> requireRank2(Operand<T> z) {
        int rank = z.shape().numDimensions();
        if (rank >= 0 && rank != 2) {
            // TF's softmax gradients are only trustworthy on [batch, classes] (tensorflow-java.md
            // A1)
            throw new IllegalArgumentException(
                    "softmax needs a rank-2 input [batch, classes], got shape " + z.shape());
        }
        return z;
    }

    /**
     * The value written to a model file: the name, or {@code {name: leaky_relu, slope: s}} when a
     * leaky ReLU's slope is not the default 0.01.
     */
    public Object config() {
        if (name.equals("leaky_relu") && slope != Activations.DEFAULT_LEAKY_SLOPE) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("slope", slope);
            return m;
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.name.equals(name) && a.slope == slope;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, slope);
    }

    @Override
    public String toString() {
        return String.valueOf(config());
    }
}
