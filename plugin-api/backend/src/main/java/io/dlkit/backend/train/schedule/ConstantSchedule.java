package io.dlkit.backend.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same learning rate for every step: {@code constant} ({@code constant:learning_rate=0.01}).
 *
 * @param learningRate the rate, > 0
 */
public record ConstantSchedule(double learningRate) implements LearningRateSchedule {
    /** The type name. */
    public static final String TYPE = "constant";

    /**
     * @throws IllegalArgumentException if {@code learningRate} is not positive and finite
     */
    public ConstantSchedule {
        ScheduleConfig.positive(TYPE, "learning_rate", learningRate);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double rate(int epoch, long step) {
        ScheduleConfig.checkPosition(epoch, step);
        return learningRate;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", TYPE);
        config.put("learning_rate", learningRate);
        return config;
    }
}
