package io.dlkit.backend.train;

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
        double samplesPerSecond) {

    /** The metric names {@link #metric} knows. */
    public static final java.util.List<String> METRICS =
            java.util.List.of("loss", "accuracy", "val_loss", "val_accuracy");

    /** The value of a metric by name: loss, accuracy, val_loss, val_accuracy. */
    public double metric(String name) {
        return switch (name) {
            case "loss" -> loss;
            case "accuracy" -> accuracy;
            case "val_loss" -> valLoss;
            case "val_accuracy" -> valAccuracy;
            default ->
                    throw new IllegalArgumentException(
                            "unknown metric '"
                                    + name
                                    + "': use loss, accuracy, val_loss or val_accuracy");
        };
    }

    /** Whether larger values of the metric are better. */
    public static boolean higherIsBetter(String metric) {
        return metric.endsWith("accuracy");
    }
}
