package io.dlkit.backend.nn;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What the image layers share: reading {@code int or [h, w]} and padding values from model files,
 * writing them back, checking {@code [height, width, channels]} inputs, and applying an activation
 * to a channels-last volume.
 */
final class Spatial {
    private Spatial() {}

    /**
     * Reads {@code key} as an integer {@code k} (meaning {@code [k, k]}) or a list {@code [h, w]},
     * each {@code >= min}; {@code defaultValue} when absent.
     */
    static int[] readPair(ConfigReader r, String key, int[] defaultValue, int min) {
        if (!r.has(key)) {
            return defaultValue;
        }
        Object v = r.get(key);
        int[] pair = null;
        if (isInt(v)) {
            int k = ((Number) v).intValue();
            pair = new int[] {k, k};
        } else if (v instanceof List<?> list
                && list.size() == 2
                && isInt(list.get(0))
                && isInt(list.get(1))) {
            pair = new int[] {((Number) list.get(0)).intValue(), ((Number) list.get(1)).intValue()};
        }
        if (pair == null) {
            throw r.error(
                    key,
                    "must be an integer or a list [height, width] of integers, got "
                            + ConfigReader.show(v));
        }
        if (pair[0] < min || pair[1] < min) {
            throw r.error(key, "must be >= " + min + ", got " + ConfigReader.show(v));
        }
        return pair;
    }

    /** Reads {@code padding}: {@code valid}, {@code same}, or (when allowed) an integer >= 0. */
    static Padding readPadding(ConfigReader r, Padding defaultValue, boolean allowExplicit) {
        if (!r.has("padding")) {
            return defaultValue;
        }
        Object v = r.get("padding");
        if (v instanceof String s && (s.equals("valid") || s.equals("same"))) {
            return Padding.of(s);
        }
        if (allowExplicit && isInt(v) && ((Number) v).intValue() >= 0) {
            return Padding.explicit(((Number) v).intValue());
        }
        String allowed = allowExplicit ? "'valid', 'same' or an integer >= 0" : "'valid' or 'same'";
        throw r.error("padding", "must be " + allowed + ", got " + ConfigReader.show(v));
    }

    /** An integer for a square pair, else {@code [h, w]}. */
    static Object pairConfig(int[] pair) {
        return pair[0] == pair[1] ? (Object) pair[0] : List.of(pair[0], pair[1]);
    }

    /** Checks {@code k >= min} for a builder argument named {@code what}. */
    static int[] checkPair(String what, int h, int w, int min) {
        if (h < min || w < min) {
            throw new IllegalArgumentException(
                    what + " must be >= " + min + ", got [" + h + ", " + w + "]");
        }
        return new int[] {h, w};
    }

    /** Throws unless {@code shape} is {@code [height, width, channels]} with every size >= 1. */
    static void requireImageInput(Layer layer, long[] shape) {
        if (shape.length != 3 || Arrays.stream(shape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    layer.type()
                            + " layer '"
                            + layer.name()
                            + "' needs an image input shape [height, width, channels], got "
                            + Arrays.toString(shape));
        }
    }

    /**
     * The output shape {@code [outH, outW, channels]} of a window {@code f} moved by {@code s}, or
     * an error naming the layer when the window does not fit the (padded) input.
     */
    static long[] windowOutput(
            Layer layer, long[] in, int[] f, int[] s, Padding padding, long channels) {
        long h = padding.outputSize(in[0], f[0], s[0]);
        long w = padding.outputSize(in[1], f[1], s[1]);
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(
                    layer.type()
                            + " layer '"
                            + layer.name()
                            + "': a "
                            + f[0]
                            + "x"
                            + f[1]
                            + " window with padding "
                            + padding
                            + " does not fit the input "
                            + in[0]
                            + "x"
                            + in[1]);
        }
        return new long[] {h, w, channels};
    }

    /**
     * {@code g(z)} for a volume {@code z} of shape {@code [m, H, W, C]}: element-wise activations
     * apply directly; softmax is taken over the channels of each pixel by reshaping to {@code [m H
     * W, C]} and back (TensorFlow's softmax gradients are trustworthy on rank 2 only).
     */
    static Operand<TFloat32> activate(
            Ops tf, Activation activation, Operand<TFloat32> z, long channels) {
        if (!activation.name().equals("softmax") || z.shape().numDimensions() == 2) {
            return activation.apply(tf, z);
        }
        Operand<TFloat32> rows = tf.reshape(z, tf.constant(new long[] {-1, channels}));
        return tf.reshape(activation.apply(tf, rows), tf.shape(z));
    }

    static boolean isInt(Object v) {
        if (!(v instanceof Number n)) {
            return false;
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE;
    }
}
