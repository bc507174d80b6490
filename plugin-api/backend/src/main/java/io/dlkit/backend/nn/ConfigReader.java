package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.text.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one map of a model file (a layer, the model itself) strictly: unknown keys, missing
 * required keys and out-of-range values become an {@link IllegalArgumentException} whose one-line
 * message starts with the field path, e.g. {@code layers[1].keep_prob: must be in (0, 1], got 1.5}.
 *
 * <p>A plugin's layer type reads its config with it, so its messages read like the built-ins':
 *
 * <pre>{@code
 * static SwishLayer fromConfig(ConfigReader r) {
 *     r.checkKeys("a swish layer", List.of("type", "name", "beta"));
 *     return new SwishLayer(r.optName(), r.optDouble("beta", 1.0, Range.open(0, 100)));
 * }
 * }</pre>
 */
public final class ConfigReader {
    private static final Pattern FLAT_NAME = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9_.\\-]*");

    private final Map<String, ?> map;
    private final String path;

    /**
     * A reader of {@code map}, found at {@code path} in its file ({@code layers[1]}; empty at the
     * top level).
     */
    public ConfigReader(Map<String, ?> map, String path) {
        this.map = requireNonNull(map, "config is null");
        this.path = requireNonNull(path, "path is null");
    }

    /** The path of {@code key}: {@code layers[1].keep_prob}, or just the key at the top level. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The error for {@code key}: {@code "<path of key>: <message>"}; throw it. */
    public IllegalArgumentException error(String key, String message) {
        return new IllegalArgumentException(pathOf(key) + ": " + message);
    }

    /** Rejects keys outside {@code valid}, suggesting the closest valid key. */
    public void checkKeys(String what, List<String> valid) {
        for (Object key : map.keySet()) {
            String k = String.valueOf(key);
            if (!valid.contains(k)) {
                throw error(
                        k,
                        "unknown key for "
                                + what
                                + didYouMean(k, valid)
                                + "; valid keys: "
                                + String.join(", ", valid));
            }
        }
    }

    /** Whether {@code key} is present with a non-null value. */
    public boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    /** The raw value of {@code key}, or null. */
    public Object get(String key) {
        return map.get(key);
    }

    /** An integer {@code >= min}; a missing key is an error naming {@code what}. */
    public int requireInt(String key, int min, String what) {
        if (!has(key)) {
            throw error(key, "required for " + what);
        }
        return optInt(key, min, min);
    }

    /** An integer {@code >= min}, or {@code defaultValue} when absent. */
    public int optInt(String key, int defaultValue, int min) {
        if (!has(key)) {
            return defaultValue;
        }
        Object v = map.get(key);
        if (v instanceof Number n && isIntegral(n) && n.doubleValue() >= min) {
            return Math.toIntExact(n.longValue());
        }
        throw error(key, "must be an integer >= " + min + ", got " + show(v));
    }

    /** A number that {@code range} accepts; the message spells the range out. */
    public double optDouble(String key, double defaultValue, Range range) {
        if (!has(key)) {
            return defaultValue;
        }
        Object v = map.get(key);
        if (v instanceof Number n && range.contains(n.doubleValue())) {
            return n.doubleValue();
        }
        throw error(key, "must be " + range.text() + ", got " + show(v));
    }

    /** A boolean, or {@code defaultValue} when absent. */
    public boolean optBool(String key, boolean defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        if (map.get(key) instanceof Boolean b) {
            return b;
        }
        throw error(key, "must be true or false, got " + show(map.get(key)));
    }

    /** A string, or {@code defaultValue} when absent. */
    public String optString(String key, String defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        if (map.get(key) instanceof String s) {
            return s;
        }
        throw error(key, "must be a string, got " + show(map.get(key)));
    }

    /** The optional {@code name}: flat, as variable names derive from it. */
    public String optName() {
        String name = optString("name", null);
        if (name != null && !FLAT_NAME.matcher(name).matches()) {
            throw error("name", "must be flat (letters, digits, '_', '.', '-'), got " + show(name));
        }
        return name;
    }

    /** Whether {@code name} can name variables: letters, digits, '_', '.', '-'. */
    public static boolean isFlatName(String name) {
        return FLAT_NAME.matcher(name).matches();
    }

    /** A YAML/JSON map as the string-keyed map the readers take. */
    @SuppressWarnings("unchecked")
    public static Map<String, ?> castMap(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    /** A value as messages show it: strings quoted ({@code 'abc'}), the rest as they print. */
    public static String show(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    /**
     * {@code " (did you mean x?)"} for the closest candidate, or empty; see {@link
     * Suggestions#inParentheses}.
     */
    public static String didYouMean(String given, Collection<String> candidates) {
        return Suggestions.inParentheses(given, candidates);
    }

    private static boolean isIntegral(Number n) {
        double d = n.doubleValue();
        return !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE;
    }

    /**
     * An allowed interval and how messages spell it ({@code in (0, 1]}).
     *
     * @param low the lower bound
     * @param lowOpen whether the lower bound is excluded
     * @param high the upper bound (infinite: none)
     * @param highOpen whether the upper bound is excluded
     */
    public record Range(double low, boolean lowOpen, double high, boolean highOpen) {
        /** {@code [low, high)}. */
        public static Range closedOpen(double low, double high) {
            return new Range(low, false, high, true);
        }

        /** {@code (low, high]}. */
        public static Range openClosed(double low, double high) {
            return new Range(low, true, high, false);
        }

        /** {@code (low, high)}. */
        public static Range open(double low, double high) {
            return new Range(low, true, high, true);
        }

        /** Whether {@code v} lies in the interval. */
        public boolean contains(double v) {
            boolean aboveLow = lowOpen ? v > low : v >= low;
            boolean belowHigh = highOpen ? v < high : v <= high;
            return aboveLow && belowHigh;
        }

        /** How messages spell the interval: {@code in (0, 1]} or {@code > 0}. */
        public String text() {
            if (Double.isInfinite(high)) {
                return (lowOpen ? "> " : ">= ") + fmt(low);
            }
            return "in "
                    + (lowOpen ? "(" : "[")
                    + fmt(low)
                    + ", "
                    + fmt(high)
                    + (highOpen ? ")" : "]");
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && !Double.isInfinite(v)
                    ? String.valueOf((long) v)
                    : String.valueOf(v);
        }
    }
}
