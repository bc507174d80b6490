package io.dlkit.backend.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential decay, {@code exponential}, per epoch:
 *
 * <pre>alpha = rate^epoch * alpha0</pre>
 *
 * @param learningRate {@code alpha0}, the rate of the first epoch, > 0
 * @param rate the factor per epoch, in (0, 1]; 0.95 by default
 */
public record ExponentialDecay(double learningRate, double rate) implements LearningRateSchedule {
    /** The type name. */
    public static final String TYPE = "exponential";

    /** The default {@code rate}. */
    public static final double DEFAULT_RATE = 0.95;

    /**
     * @throws IllegalArgumentException if {@code learningRate} is not positive or {@code rate} is
     *     not in (0, 1]
     */
    public ExponentialDecay {
        ScheduleConfig.positive(TYPE, "learning_rate", learningRate);
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException(TYPE + ": rate must be in (0, 1], got " + rate);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double rate(int epoch, long step) {
        ScheduleConfig.checkPosition(epoch, step);
        return Math.pow(rate, epoch) * learningRate;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", TYPE);
        config.put("learning_rate", learningRate);
        config.put("rate", rate);
        return config;
    }
}
