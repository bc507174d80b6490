package io.dlkit.backend.train.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads one schedule's parameters from a config map whose values come from YAML, JSON or the
 * command line (numbers or their text; lists as lists or {@code a|b|c} text), with messages that
 * name the schedule, the key and the allowed range.
 */
final class ScheduleConfig {
    private final String type;
    private final Map<String, ?> config;

    private ScheduleConfig(String type, Map<String, ?> config) {
        this.type = type;
        this.config = config;
    }

    /** Rejects keys other than {@code type} and {@code known}. */
    static ScheduleConfig read(String type, Map<String, ?> config, List<String> known) {
        for (String key : new TreeSet<>(config.keySet())) {
            if (!key.equals("type") && !known.contains(key)) {
                throw new IllegalArgumentException(
                        type
                                + ": unknown key '"
                                + key
                                + "'; "
                                + (known.isEmpty()
                                        ? type + " takes no keys"
                                        : "known keys: " + String.join(", ", known)));
            }
        }
        return new ScheduleConfig(type, config);
    }

    double number(String key, double defaultValue) {
        Object value = config.get(key);
        return value == null ? defaultValue : toDouble(key, value);
    }

    List<Double> numbers(String key, String example) {
        List<Double> out = new ArrayList<>();
        for (Object item : items(key, example)) {
            out.add(toDouble(key, item));
        }
        return out;
    }

    List<Long> wholeNumbers(String key, String example) {
        List<Long> out = new ArrayList<>();
        for (Object item : items(key, example)) {
            double d = toDouble(key, item);
            if (d != Math.rint(d) || Math.abs(d) > 1e15) {
                throw new IllegalArgumentException(
                        type + ": " + key + " must be whole numbers, got " + item);
            }
            out.add((long) d);
        }
        return out;
    }

    private List<?> items(String key, String example) {
        Object value = config.get(key);
        if (value == null) {
            throw new IllegalArgumentException(type + ": " + key + " is required, e.g. " + example);
        }
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.split("\\|", -1));
        }
        return List.of(value);
    }

    private double toDouble(String key, Object value) {
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
                type + ": " + key + " must be a number, got '" + value + "'");
    }

    /** Checks {@code 0 < value < infinity}: a learning rate. */
    static double positive(String type, String key, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    type + ": " + key + " must be > 0 and finite, got " + value);
        }
        return value;
    }

    /** Checks the arguments of {@link LearningRateSchedule#rate}. */
    static void checkPosition(int epoch, long step) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
    }
}
