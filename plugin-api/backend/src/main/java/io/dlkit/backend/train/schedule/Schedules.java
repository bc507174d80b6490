package io.dlkit.backend.train.schedule;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Creates {@link LearningRateSchedule}s from the command line's syntax or a config map, and formats
 * them back. The types, after the course notes' "Learning Rate Decay":
 *
 * <table>
 *   <caption>schedules</caption>
 *   <tr><th>spec</th><th>rate</th></tr>
 *   <tr><td>{@code constant}</td><td>{@code alpha0}</td></tr>
 *   <tr><td>{@code inverse_time:decay_rate=1}</td><td>{@code alpha0 / (1 + decay_rate *
 *       epoch)}</td></tr>
 *   <tr><td>{@code exponential:rate=0.95}</td><td>{@code rate^epoch * alpha0}</td></tr>
 *   <tr><td>{@code piecewise:boundaries=1000|2000,values=0.1|0.01|0.001}</td><td>by step</td></tr>
 *   <tr><td>{@code list:0.1|0.05|0.01}</td><td>by epoch, the last value past the end</td></tr>
 * </table>
 *
 * <p>{@code alpha0} is the key {@code learning_rate}; where a spec leaves it out it is the {@code
 * defaultLearningRate} given (the command's {@code --learning-rate}), or {@value
 * #DEFAULT_LEARNING_RATE}. Every error is one line naming the problem and the fix.
 */
public final class Schedules {
    /** The initial rate used when neither the spec nor the caller gives one. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    /** The type names, in the order messages list them. */
    public static final List<String> TYPES =
            List.of(
                    ConstantSchedule.TYPE,
                    InverseTimeDecay.TYPE,
                    ExponentialDecay.TYPE,
                    PiecewiseConstant.TYPE,
                    PerEpochList.TYPE);

    private Schedules() {}

    /**
     * {@link #parse(String, double)} with the default initial rate, {@value
     * #DEFAULT_LEARNING_RATE}.
     */
    public static LearningRateSchedule parse(String spec) {
        return parse(spec, DEFAULT_LEARNING_RATE);
    }

    /**
     * Parses {@code TYPE} or {@code TYPE:key=value,key=value}, where list values are separated by
     * {@code |}; {@code list} also takes its values directly ({@code list:0.1|0.05}).
     *
     * @param defaultLearningRate {@code learning_rate} where the spec does not give it
     * @throws IllegalArgumentException with a one-line message for bad syntax, an unknown type or
     *     key, or a value out of range
     */
    public static LearningRateSchedule parse(String spec, double defaultLearningRate) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "learning-rate schedule is empty; use one of "
                            + String.join(", ", TYPES)
                            + ", e.g. exponential:rate=0.95");
        }
        String trimmed = spec.trim();
        int colon = trimmed.indexOf(':');
        String type = colon < 0 ? trimmed : trimmed.substring(0, colon).trim();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", type);
        if (colon >= 0) {
            String params = trimmed.substring(colon + 1).trim();
            if (params.isEmpty()) {
                throw syntax(spec, "nothing after ':'; give key=value pairs or drop the ':'");
            }
            if (type.equals(PerEpochList.TYPE) && !params.contains("=")) {
                config.put("values", params);
            } else {
                putPairs(spec, params, config);
            }
        }
        return fromConfig(config, defaultLearningRate);
    }

    private static void putPairs(String spec, String params, Map<String, Object> config) {
        for (String pair : params.split(",", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw syntax(spec, "expected key=value, got '" + pair.trim() + "'");
            }
            if (config.containsKey(key)) {
                throw syntax(spec, "key '" + key + "' is given twice");
            }
            config.put(key, pair.substring(eq + 1).trim());
        }
    }

    private static IllegalArgumentException syntax(String spec, String problem) {
        return new IllegalArgumentException("learning-rate schedule '" + spec + "': " + problem);
    }

    /** {@link #fromConfig(Map, double)} with the default initial rate. */
    public static LearningRateSchedule fromConfig(Map<String, ?> config) {
        return fromConfig(config, DEFAULT_LEARNING_RATE);
    }

    /**
     * Creates a schedule from a config map: {@code type} plus that type's keys (as {@link
     * LearningRateSchedule#config()} writes them). Numbers may be given as text and lists as {@code
     * a|b|c} text.
     *
     * @param defaultLearningRate {@code learning_rate} where the config does not give it
     * @throws IllegalArgumentException with a one-line message for a missing or unknown type, an
     *     unknown key or a value out of range
     */
    public static LearningRateSchedule fromConfig(
            Map<String, ?> config, double defaultLearningRate) {
        requireNonNull(config, "config is null");
        Object type = config.get("type");
        if (type == null) {
            throw new IllegalArgumentException(
                    "learning-rate schedule config needs a 'type': one of "
                            + String.join(", ", TYPES));
        }
        return switch (type.toString()) {
            case ConstantSchedule.TYPE -> {
                ScheduleConfig c =
                        ScheduleConfig.read(
                                ConstantSchedule.TYPE, config, List.of("learning_rate"));
                yield new ConstantSchedule(c.number("learning_rate", defaultLearningRate));
            }
            case InverseTimeDecay.TYPE -> {
                ScheduleConfig c =
                        ScheduleConfig.read(
                                InverseTimeDecay.TYPE,
                                config,
                                List.of("learning_rate", "decay_rate"));
                yield new InverseTimeDecay(
                        c.number("learning_rate", defaultLearningRate),
                        c.number("decay_rate", InverseTimeDecay.DEFAULT_DECAY_RATE));
            }
            case ExponentialDecay.TYPE -> {
                ScheduleConfig c =
                        ScheduleConfig.read(
                                ExponentialDecay.TYPE, config, List.of("learning_rate", "rate"));
                yield new ExponentialDecay(
                        c.number("learning_rate", defaultLearningRate),
                        c.number("rate", ExponentialDecay.DEFAULT_RATE));
            }
            case PiecewiseConstant.TYPE -> {
                ScheduleConfig c =
                        ScheduleConfig.read(
                                PiecewiseConstant.TYPE, config, List.of("boundaries", "values"));
                yield new PiecewiseConstant(
                        c.wholeNumbers("boundaries", PiecewiseConstant.EXAMPLE),
                        c.numbers("values", PiecewiseConstant.EXAMPLE));
            }
            case PerEpochList.TYPE -> {
                ScheduleConfig c =
                        ScheduleConfig.read(PerEpochList.TYPE, config, List.of("values"));
                yield new PerEpochList(c.numbers("values", PerEpochList.EXAMPLE));
            }
            default -> throw unknownType(type.toString());
        };
    }

    private static IllegalArgumentException unknownType(String type) {
        String guess = closest(type.toLowerCase(Locale.ROOT));
        return new IllegalArgumentException(
                "unknown learning-rate schedule '"
                        + type
                        + "'; "
                        + (guess == null ? "" : "did you mean '" + guess + "'? ")
                        + "known: "
                        + String.join(", ", TYPES));
    }

    /** The known type the user probably meant: one it starts, or one a typo or two away. */
    private static String closest(String type) {
        if (type.length() >= 2) {
            for (String known : TYPES) {
                if (known.startsWith(type)) return known;
            }
        }
        String best = null;
        int bestDistance = Math.max(2, type.length() / 3) + 1;
        for (String known : TYPES) {
            int d = distance(type, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The command-line spec of a schedule ({@code exponential:learning_rate=0.1,rate=0.95}), which
     * {@link #parse} turns back into an equal schedule.
     */
    public static String format(LearningRateSchedule schedule) {
        String params =
                schedule.config().entrySet().stream()
                        .filter(e -> !e.getKey().equals("type"))
                        .map(e -> e.getKey() + "=" + formatValue(e.getValue()))
                        .collect(Collectors.joining(","));
        return params.isEmpty() ? schedule.type() : schedule.type() + ":" + params;
    }

    private static String formatValue(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining("|"));
        }
        return String.valueOf(value);
    }
}
