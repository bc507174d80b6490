package io.dlkit.plugins.optimizers;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads an optimizer's hyperparameters from a config map (snake_case keys, values from YAML, JSON
 * or the command line) and checks their ranges, with messages that name the optimizer, the key and
 * the allowed range.
 */
final class Hyperparameters {
    private final String optimizer;
    private final Map<String, Object> config;

    private Hyperparameters(String optimizer, Map<String, Object> config) {
        this.optimizer = optimizer;
        this.config = config;
    }

    /**
     * Starts reading {@code config} for {@code optimizer}.
     *
     * @throws IllegalArgumentException for a key not in {@code known}, listing the known keys
     */
    static Hyperparameters read(String optimizer, Map<String, Object> config, List<String> known) {
        requireNonNull(config, optimizer + ": config is null");
        // Sorted, so that the message names the same key on every run.
        for (String key : new TreeSet<>(config.keySet())) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(
                        optimizer
                                + ": unknown key '"
                                + key
                                + "'; "
                                + (known.isEmpty()
                                        ? optimizer + " takes no keys"
                                        : "known keys: " + String.join(", ", known)));
            }
        }
        return new Hyperparameters(optimizer, config);
    }

    /** The number under {@code key}, or {@code defaultValue} when absent. */
    double number(String key, double defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                optimizer + ": " + key + " must be a number, got '" + value + "'");
    }

    /** Checks {@code 0 <= value < 1}, the range of an exponential-average decay. */
    static double unitInterval(String optimizer, String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(
                    optimizer + ": " + key + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** Checks {@code 0 < value < infinity}. */
    static double positive(String optimizer, String key, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    optimizer + ": " + key + " must be > 0 and finite, got " + value);
        }
        return value;
    }
}
