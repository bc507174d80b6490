package io.dlkit.backend.train.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rate per range of steps, {@code piecewise} ({@code
 * piecewise:boundaries=1000|2000,values=0.1|0.01|0.001}): with boundaries {@code t1 < t2 < ...} and
 * values {@code alpha1, alpha2, ...}, the rate is {@code alpha1} for steps {@code 0 <= t < t1},
 * {@code alpha2} for {@code t1 <= t < t2}, and so on; the last value holds from the last boundary
 * on.
 *
 * @param boundaries the steps where the rate changes, increasing, > 0
 * @param values the rates, one more than the boundaries, each > 0
 */
public record PiecewiseConstant(List<Long> boundaries, List<Double> values)
        implements LearningRateSchedule {
    /** The type name. */
    public static final String TYPE = "piecewise";

    static final String EXAMPLE = "piecewise:boundaries=1000|2000,values=0.1|0.01|0.001";

    /**
     * @throws IllegalArgumentException if the boundaries are not increasing and positive, the
     *     values are not positive, or there is not one more value than boundaries
     */
    public PiecewiseConstant {
        boundaries = List.copyOf(boundaries);
        values = List.copyOf(values);
        if (values.size() != boundaries.size() + 1) {
            throw new IllegalArgumentException(
                    TYPE
                            + ": needs one more value than boundaries, got "
                            + boundaries.size()
                            + " boundaries and "
                            + values.size()
                            + " values, e.g. "
                            + EXAMPLE);
        }
        for (int i = 0; i < boundaries.size(); i++) {
            if (boundaries.get(i) <= (i == 0 ? 0 : boundaries.get(i - 1))) {
                throw new IllegalArgumentException(
                        TYPE + ": boundaries must be > 0 and increasing, got " + boundaries);
            }
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
        int i = 0;
        while (i < boundaries.size() && step >= boundaries.get(i)) {
            i++;
        }
        return values.get(i);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", TYPE);
        config.put("boundaries", boundaries);
        config.put("values", values);
        return config;
    }
}
