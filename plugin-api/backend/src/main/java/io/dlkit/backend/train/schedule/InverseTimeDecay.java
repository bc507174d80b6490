package io.dlkit.backend.train.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inverse-time decay, {@code inverse_time}, per epoch:
 *
 * <pre>alpha = alpha0 / (1 + decay_rate * epoch)</pre>
 *
 * <p>With {@code alpha0 = 0.2} and {@code decay_rate = 1}: 0.2, 0.1, 0.0667, 0.05, ...
 *
 * @param learningRate {@code alpha0}, the rate of the first epoch, > 0
 * @param decayRate how fast it falls, >= 0 (0 keeps it constant); 1 by default
 */
public record InverseTimeDecay(double learningRate, double decayRate)
        implements LearningRateSchedule {
    /** The type name. */
    public static final String TYPE = "inverse_time";

    /** The default {@code decay_rate}. */
    public static final double DEFAULT_DECAY_RATE = 1.0;

    /**
     * @throws IllegalArgumentException if {@code learningRate} is not positive or {@code decayRate}
     *     is negative
     */
    public InverseTimeDecay {
        ScheduleConfig.positive(TYPE, "learning_rate", learningRate);
        if (!(decayRate >= 0 && decayRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    TYPE + ": decay_rate must be >= 0 and finite, got " + decayRate);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public double rate(int epoch, long step) {
        ScheduleConfig.checkPosition(epoch, step);
        return learningRate / (1 + decayRate * epoch);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", TYPE);
        config.put("learning_rate", learningRate);
        config.put("decay_rate", decayRate);
        return config;
    }
}
