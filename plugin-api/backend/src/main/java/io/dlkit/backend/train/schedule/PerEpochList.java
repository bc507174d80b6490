package io.dlkit.backend.train.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rate chosen by hand for each epoch, {@code list} ({@code list:0.1|0.05|0.01}): epoch {@code e}
 * trains at {@code values[e]}; past the end of the list the last value holds.
 *
 * @param values the rates of epochs 0, 1, 2, ..., at least one, each > 0
 */
public record PerEpochList(List<Double> values) implements LearningRateSchedule {
    /** The type name. */
    public static final String TYPE = "list";

    static final String EXAMPLE = "list:0.1|0.05|0.01";

    /**
     * @throws IllegalArgumentException if {@code values} is empty or holds a value that is not
     *     positive
     */
    public PerEpochList {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(
                    TYPE + ": needs at least one value, e.g. " + EXAMPLE);
        }
        values.forEach(v -> ScheduleConfig.positive(TYPE, "values", v));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double rate(int epoch, long step) {
        ScheduleConfig.checkPosition(epoch, step);
        return values.get(Math.min(epoch, values.size() - 1));
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", TYPE);
        config.put("values", values);
        return config;
    }
}
