package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The hyperparameters of a {@link Conv2DLayer}, checked once, read from and written to model files.
 *
 * @param name the layer name, or null to let the model name it
 * @param filters {@code n_f >= 1}
 * @param kernelSize {@code [f_h, f_w]}, each >= 1
 * @param strides {@code [s_h, s_w]}, each >= 1
 * @param padding valid, same or explicit
 * @param activation {@code g}
 * @param initializer the kernel initializer (null: he for the relu family, xavier otherwise)
 * @param useBias whether {@code b} is added (null: {@code !batchNorm})
 * @param batchNorm whether batch norm sits between the convolution and {@code g}
 * @param bnEpsilon batch norm's epsilon (Keras applications use 1.001e-5 in ResNet50)
 */
record ConvSpec(
        String name,
        int filters,
        int[] kernelSize,
        int[] strides,
        Padding padding,
        Activation activation,
        Initializer initializer,
        Boolean useBias,
        boolean batchNorm,
        double bnEpsilon) {
    static final List<String> KEYS =
            List.of(
                    "type",
                    "name",
                    "filters",
                    "kernel_size",
                    "strides",
                    "padding",
                    "activation",
                    "initializer",
                    "use_bias",
                    "batch_norm",
                    "bn_epsilon");

    ConvSpec {
        if (filters < 1) {
            throw new IllegalArgumentException("filters must be >= 1, got " + filters);
        }
        requireNonNull(kernelSize, "kernel size is required: call setKernelSize");
        kernelSize = Spatial.checkPair("kernel_size", kernelSize[0], kernelSize[1], 1);
        strides = Spatial.checkPair("strides", strides[0], strides[1], 1);
        requireNonNull(padding, "padding is null");
        requireNonNull(activation, "activation is null");
        initializer = initializer == null ? Initializers.defaultFor(activation) : initializer;
        if (!(bnEpsilon > 0) || Double.isInfinite(bnEpsilon)) {
            throw new IllegalArgumentException("bn_epsilon must be > 0, got " + bnEpsilon);
        }
        if (useBias == null) {
            // A bias before batch norm is redundant (beta replaces it), but Keras's applications
            // have one, so it is allowed when asked for: their weights then import exactly.
            useBias = !batchNorm;
        }
    }

    /** The spec a conv2d layer map describes; errors name the key's path. */
    static ConvSpec read(ConfigReader r) {
        String what = "a " + Conv2DLayer.TYPE + " layer";
        r.checkKeys(what, KEYS);
        int filters = r.requireInt("filters", 1, what);
        if (!r.has("kernel_size")) {
            throw r.error("kernel_size", "required for " + what);
        }
        int[] kernel = Spatial.readPair(r, "kernel_size", null, 1);
        int[] strides = Spatial.readPair(r, "strides", new int[] {1, 1}, 1);
        Padding padding = Spatial.readPadding(r, Padding.VALID, true);
        Activation activation =
                r.has("activation")
                        ? Activations.resolve(r.get("activation"), r.pathOf("activation"))
                        : Activations.LINEAR;
        Initializer initializer = readInitializer(r);
        boolean batchNorm = r.optBool("batch_norm", false);
        Boolean useBias = null;
        if (r.has("use_bias")) {
            useBias = r.optBool("use_bias", true);
        }
        return new ConvSpec(
                r.optName(),
                filters,
                kernel,
                strides,
                padding,
                activation,
                initializer,
                useBias,
                batchNorm,
                readEpsilon(r));
    }

    /** The optional {@code bn_epsilon} key. */
    static double readEpsilon(ConfigReader r) {
        if (!r.has("bn_epsilon")) return BatchNormLayer.DEFAULT_EPSILON;
        if (!(r.get("bn_epsilon") instanceof Number n) || !(n.doubleValue() > 0)) {
            throw r.error(
                    "bn_epsilon",
                    "must be a number > 0, got " + ConfigReader.show(r.get("bn_epsilon")));
        }
        return n.doubleValue();
    }

    /** The optional {@code initializer} key. */
    static Initializer readInitializer(ConfigReader r) {
        String init = r.optString("initializer", null);
        if (init == null) {
            return null;
        }
        try {
            return Initializers.get(init);
        } catch (IllegalArgumentException e) {
            throw r.error("initializer", e.getMessage());
        }
    }

    /** Writes the keys after {@code type} and {@code name}. */
    void writeTo(Map<String, Object> m) {
        m.put("filters", filters);
        m.put("kernel_size", Spatial.pairConfig(kernelSize));
        m.put("strides", Spatial.pairConfig(strides));
        m.put("padding", padding.config());
        m.put("activation", activation.config());
        m.put("initializer", initializer.name());
        m.put("use_bias", useBias);
        m.put("batch_norm", batchNorm);
        if (bnEpsilon != BatchNormLayer.DEFAULT_EPSILON) m.put("bn_epsilon", bnEpsilon);
    }

    /** The same spec under another name. */
    ConvSpec withName(String newName) {
        return new ConvSpec(
                newName,
                filters,
                kernelSize,
                strides,
                padding,
                activation,
                initializer,
                useBias,
                batchNorm,
                bnEpsilon);
    }
}
