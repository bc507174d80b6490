package io.dlkit.backend.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's numbers, as the metrics log records them. Validation values are NaN without
 * validation data; accuracy is NaN for regression.
 *
 * @param epoch the epoch, from 1
 * @param step the global step count at the end of the epoch
 * @param loss the mean training loss (data loss + L2) over the epoch's batches
 * @param l2 the mean L2 term over the epoch
 * @param accuracy training accuracy over the epoch's batches (as they were trained on)
 * @param valLoss validation data loss
 * @param valAccuracy validation accuracy
 * @param learningRate the rate used in the epoch's last step
 * @param seconds wall-clock time of the epoch
 * @param samplesPerSecond training throughput
 * @param extra an objective's extra metrics: {@code NAME} over the training batches and {@code
 *     val_NAME} on the validation data, in the objective's order (empty for the built-in losses)
 */
public record EpochMetrics(
        int epoch,
        long step,
        double loss,
        double l2,
        double accuracy,
        double valLoss,
        double valAccuracy,
        double learningRate,
        double seconds,
        double samplesPerSecond,
        Map<String, Double> extra) {

    /** Copies {@code extra}, keeping its order. */
    public EpochMetrics {
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An epoch's numbers without extra metrics. */
    public EpochMetrics(
            int epoch,
            long step,
            double loss,
            double l2,
            double accuracy,
            double valLoss,
            double valAccuracy,
            double learningRate,
            double seconds,
            double samplesPerSecond) {
        this(
                epoch,
                step,
                loss,
                l2,
                accuracy,
                valLoss,
                valAccuracy,
                learningRate,
                seconds,
                samplesPerSecond,
                Map.of());
    }

    /** The metric names {@link #metric} knows. */
    public static final java.util.List<String> METRICS =
            java.util.List.of("loss", "accuracy", "val_loss", "val_accuracy");

    /** The value of a metric by name: loss, accuracy, val_loss, val_accuracy, or an extra one. */
    public double metric(String name) {
        return switch (name) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "val_loss" -> valLoss;
            case "val_accuracy" -> valAccuracy;
            default -> {
                Double v = extra.get(name);
                if (v != null) yield v;
                throw new IllegalArgumentException(
                        "unknown metric '"
                                + name
                                + "': use loss, accuracy, val_loss, val_accuracy"
                                + (extra.isEmpty()
                                        ? ""
                                        : " or " + String.join(", ", extra.keySet())));
            }
        };
    }

    /** Whether larger values of the metric are better. */
    public static boolean higherIsBetter(String metric) {
        return metric.endsWith("accuracy");
    }
}
