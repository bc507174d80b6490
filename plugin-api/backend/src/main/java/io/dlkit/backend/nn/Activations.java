package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.ConfigReader.Range;
import java.util.List;
import java.util.Map;

/**
 * The activations dlkit knows, and the one resolver that turns a model file's value into an {@link
 * Activation}: a name ({@code relu}), a map ({@code {name: leaky_relu, slope: 0.2}}) or an {@code
 * Activation} instance. See {@link Activation} for the math.
 */
public final class Activations {
    /** The default negative-side slope of {@code leaky_relu}: {@code max(0.01 z, z)}. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    /** {@code g(z) = z}. */
    public static final Activation LINEAR = new Activation("linear", 0);

    /** {@code g(z) = 1 / (1 + e^-z)}. */
    public static final Activation SIGMOID = new Activation("sigmoid", 0);

    /** {@code g(z) = tanh(z)}. */
    public static final Activation TANH = new Activation("tanh", 0);

    /** {@code g(z) = max(0, z)}. */
    public static final Activation RELU = new Activation("relu", 0);

    /** {@code g(z) = min(max(0, z), 6)}, as MobileNet uses it. */
    public static final Activation RELU6 = new Activation("relu6", 0);

    /** {@code g(z) = max(0.01 z, z)}. */
    public static final Activation LEAKY_RELU = new Activation("leaky_relu", DEFAULT_LEAKY_SLOPE);

    /** {@code g(z)_i = e^{z_i} / sum_j e^{z_j}}, rank-2 inputs only. */
    public static final Activation SOFTMAX = new Activation("softmax", 0);

    private static final List<Activation> ALL =
            List.of(LINEAR, SIGMOID, TANH, RELU, RELU6, LEAKY_RELU, SOFTMAX);
    private static final Range SLOPE_RANGE = Range.closedOpen(0, 1);

    private Activations() {}

    /** The valid names, in a fixed order. */
    public static List<String> names() {
        return ALL.stream().map(Activation::name).toList();
    }

    /**
     * The activation called {@code name}.
     *
     * @throws IllegalArgumentException naming the valid activations when {@code name} is unknown
     */
    public static Activation get(String name) {
        requireNonNull(name, "name is null");
        for (Activation a : ALL) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException(unknown(name));
    }

    /**
     * A leaky ReLU {@code max(slope z, z)}.
     *
     * @param slope the negative-side slope, in {@code [0, 1)}
     */
    public static Activation leakyRelu(double slope) {
        if (!SLOPE_RANGE.contains(slope)) {
            throw new IllegalArgumentException("slope must be in [0, 1), got " + slope);
        }
        return new Activation("leaky_relu", slope);
    }

    /**
     * Resolves a model file's {@code activation} value: a name, a map with {@code name} (and {@code
     * slope} for leaky_relu), or an {@link Activation}.
     *
     * @param spec the value
     * @param path where the value sits in the model file ({@code layers[0].activation}), for
     *     messages
     * @throws IllegalArgumentException with a one-line message starting with {@code path}
     */
    public static Activation resolve(Object spec, String path) {
        if (spec instanceof Activation a) {
            return a;
        }
        if (spec instanceof String s) {
            if (!names().contains(s)) {
                throw new IllegalArgumentException(path + ": " + unknown(s));
            }
            return get(s);
        }
        if (spec instanceof Map<?, ?> m) {
            return fromMap(ConfigReader.castMap(m), path);
        }
        throw new IllegalArgumentException(
                path + ": must be an activation name or a map, got " + ConfigReader.show(spec));
    }

    private static Activation fromMap(Map<String, ?> map, String path) {
        ConfigReader r = new ConfigReader(map, path);
        r.checkKeys("an activation", List.of("name", "slope"));
        String name = r.optString("name", null);
        if (name == null) {
            throw r.error(
                    "name", "required for an activation; valid: " + String.join(", ", names()));
        }
        Activation a = resolve(name, r.pathOf("name"));
        if (!a.name().equals("leaky_relu")) {
            r.checkKeys("activation " + name, List.of("name"));
            return a;
        }
        return new Activation(a.name(), r.optDouble("slope", DEFAULT_LEAKY_SLOPE, SLOPE_RANGE));
    }

    private static String unknown(String name) {
        return "unknown activation '"
                + name
                + "'"
                + ConfigReader.didYouMean(name, names())
                + "; valid: "
                + String.join(", ", names());
    }
}
