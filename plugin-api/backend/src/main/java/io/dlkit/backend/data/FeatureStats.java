package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

/**
 * The per-feature mean and (population) standard deviation of a data set, for standardising
 * features as {@code (x_j - mean_j) / std_j}. Compute them once on the training set ({@link
 * Dataset#featureStats()}) and apply the same statistics to validation and test data ({@link
 * Dataset#normalized(FeatureStats)}), so that all sets go through the same transformation.
 *
 * @param mean the mean of each feature, {@code featureSize} values
 * @param std the standard deviation of each feature, {@code featureSize} values
 */
public record FeatureStats(float[] mean, float[] std) {
    /** Checks that both arrays are present and of the same length. */
    public FeatureStats {
        requireNonNull(mean, "mean is null");
        requireNonNull(std, "std is null");
        if (mean.length != std.length) {
            throw new IllegalArgumentException(
                    "mean has " + mean.length + " values but std has " + std.length);
        }
    }

    static FeatureStats of(float[] x, int rows, int cols) {
        // Two passes in double: the textbook one-pass formula loses precision for large m.
        double[] sum = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                sum[j] += x[base + j];
            }
        }
        float[] mean = new float[cols];
        double[] sq = new double[cols];
        for (int j = 0; j < cols; j++) {
            sum[j] = rows == 0 ? 0 : sum[j] / rows;
            mean[j] = (float) sum[j];
        }
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int j = 0; j < cols; j++) {
                double d = x[base + j] - sum[j];
                sq[j] += d * d;
            }
        }
        float[] std = new float[cols];
        for (int j = 0; j < cols; j++) {
            std[j] = rows == 0 ? 0f : (float) Math.sqrt(sq[j] / rows);
        }
        return new FeatureStats(mean, std);
    }

    float[] apply(float[] x, int cols) {
        if (cols != mean.length) {
            throw new IllegalArgumentException(
                    "these statistics are for "
                            + mean.length
                            + " features but the data set has "
                            + cols);
        }
        float[] inv = new float[cols];
        for (int j = 0; j < cols; j++) {
            inv[j] = std[j] == 0 ? 1f : 1f / std[j];
        }
        float[] out = new float[x.length];
        for (int base = 0; base < x.length; base += cols) {
            for (int j = 0; j < cols; j++) {
                out[base + j] = (x[base + j] - mean[j]) * inv[j];
            }
        }
        return out;
    }
}
