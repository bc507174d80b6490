package io.dlkit.backend.nn;

import java.util.Locale;

/**
 * How a convolution or pooling window treats the border of an {@code n}-pixel axis, for a window of
 * {@code f} pixels moved {@code s} pixels at a time (the notes' "Padding" and "Strided
 * Convolutions"):
 *
 * <ul>
 *   <li>{@link #VALID} ({@code valid}): no padding, {@code out = floor((n - f) / s) + 1}
 *   <li>{@link #SAME} ({@code same}): TensorFlow's rule, {@code out = ceil(n / s)}; the zeros added
 *       total {@code max((out - 1) s + f - n, 0)}, the smaller half before (top/left), the larger
 *       after, so for {@code s = 1} and odd {@code f} it is {@code p = (f - 1) / 2} on each side
 *   <li>{@link #explicit(int)} ({@code p}, an integer): {@code p} zeros on each side, {@code out =
 *       floor((n + 2p - f) / s) + 1}
 * </ul>
 *
 * @param mode {@code valid}, {@code same} or {@code explicit}
 * @param amount the zeros on each side for {@code explicit}, else 0
 */
public record Padding(String mode, int amount) {
    /** No padding. */
    public static final Padding VALID = new Padding("valid", 0);

    /** Output size {@code ceil(n / s)}. */
    public static final Padding SAME = new Padding("same", 0);

    /** Checks the mode and amount. */
    public Padding {
        boolean known = mode.equals("valid") || mode.equals("same") || mode.equals("explicit");
        if (!known || amount < 0 || (!mode.equals("explicit") && amount != 0)) {
            throw new IllegalArgumentException(
                    "padding must be valid, same or explicit with amount >= 0, got "
                            + mode
                            + " "
                            + amount);
        }
    }

    /**
     * {@code p} zeros on each side of both spatial axes.
     *
     * @param p the zeros on each side, {@code >= 0}
     */
    public static Padding explicit(int p) {
        if (p < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got " + p);
        }
        return new Padding("explicit", p);
    }

    /**
     * The padding named {@code valid} or {@code same} (any case).
     *
     * @throws IllegalArgumentException for another name
     */
    public static Padding of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "valid" -> VALID;
            case "same" -> SAME;
            default ->
                    throw new IllegalArgumentException(
                            "padding must be 'valid', 'same' or an integer >= 0, got '"
                                    + name
                                    + "'");
        };
    }

    /** Whether this is an explicit amount of zeros. */
    public boolean isExplicit() {
        return mode.equals("explicit");
    }

    /**
     * The output size along one axis, or a value {@code < 1} when the window does not fit.
     *
     * @param n the input size
     * @param f the window size
     * @param s the stride
     */
    public long outputSize(long n, long f, long s) {
        return switch (mode) {
            case "same" -> (n + s - 1) / s;
            case "valid" -> n < f ? 0 : (n - f) / s + 1;
            default -> n + 2L * amount < f ? 0 : (n + 2L * amount - f) / s + 1;
        };
    }

    /**
     * The zeros added before the first pixel (top or left): {@code p} for explicit, 0 for valid,
     * {@code floor(total / 2)} for same.
     */
    public long before(long n, long f, long s) {
        return switch (mode) {
            case "same" -> Math.max((outputSize(n, f, s) - 1) * s + f - n, 0) / 2;
            case "valid" -> 0;
            default -> amount;
        };
    }

    /** The TensorFlow padding attribute: {@code VALID} for explicit amounts (padded beforehand). */
    String tfPadding() {
        return mode.equals("same") ? "SAME" : "VALID";
    }

    /** The model-file value: {@code valid}, {@code same} or the integer {@code p}. */
    public Object config() {
        return isExplicit() ? (Object) amount : mode;
    }

    @Override
    public String toString() {
        return String.valueOf(config());
    }
}
