package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-channel input normalization {@code x' = (x - mean[c]) / std[c]}, where {@code c} is the
 * index along the last axis of a sample: the colour channel of an {@code [H, W, C]} image, the
 * feature of a flat {@code [n]} vector. Compute it once on the training set ({@link
 * #standardize(Dataset)}), store it with the model ({@link #toConfig()}: model.yaml's {@code
 * normalization: {mean: [...], std: [...]}}), and apply the same numbers wherever data enters the
 * model: training, validation, test, evaluation and prediction.
 *
 * <p>This is the transformation of torchvision's {@code Normalize(mean, std)} and of a Keras {@code
 * Normalization} layer adapted to the data; the stored {@code std} is the divisor actually used (a
 * channel with zero spread stores 1, so it is only centred).
 *
 * @param mean the value subtracted from each channel
 * @param std the positive, finite divisor of each channel
 */
public record ChannelNormalization(float[] mean, float[] std) {
    /** Checks that the arrays have the same non-zero length and usable values. */
    public ChannelNormalization {
        requireNonNull(mean, "mean is null");
        requireNonNull(std, "std is null");
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException(
                    "mean and std need the same, non-zero number of channels, got "
                            + mean.length
                            + " and "
                            + std.length);
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException(
                        "channel "
                                + c
                                + ": mean must be finite and std finite and > 0, got "
                                + mean[c]
                                + " and "
                                + std[c]);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * The mean and population standard deviation of each channel (last axis) over every sample and
     * position of {@code train}, computed in double precision in two passes.
     *
     * @throws IllegalArgumentException if the data set is empty
     */
    public static ChannelNormalization standardize(Dataset train) {
        requireNonNull(train, "train is null");
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot standardize on an empty data set");
        }
        int channels = channels(train.featureShape());
        float[] x = train.featureArray();
        double[] sum = new double[channels];
        for (int i = 0; i < x.length; i++) sum[i % channels] += x[i];
        long perChannel = x.length / channels;
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) mean[c] = sum[c] / perChannel;
        double[] sq = new double[channels];
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - mean[i % channels];
            sq[i % channels] += d * d;
        }
        float[] m = new float[channels];
        float[] s = new float[channels];
        for (int c = 0; c < channels; c++) {
            m[c] = (float) mean[c];
            float std = (float) Math.sqrt(sq[c] / perChannel);
            s[c] = std > 0 ? std : 1f;
        }
        return new ChannelNormalization(m, s);
    }

    /** The number of channels. */
    public int channels() {
        return mean.length;
    }

    /** A copy of the means. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the divisors. */
    @Override
    public float[] std() {
        return std.clone();
    }

    /**
     * The same samples and labels with normalized features.
     *
     * @throws IllegalArgumentException if the data set's last axis is not {@link #channels()} long
     */
    public Dataset apply(Dataset data) {
        requireNonNull(data, "data is null");
        check(channels(data.featureShape()));
        float[] x = data.features();
        applyInPlace(x);
        long[] shape = data.featureShape();
        return data.hasClassLabels()
                ? Dataset.ofClasses(x, data.labels(), data.numClasses(), shape)
                : Dataset.ofTargets(x, shape, data.targets(), data.targetShape());
    }

    /**
     * Normalizes row-major features in place: value {@code i} belongs to channel {@code i %
     * channels()}.
     *
     * @throws IllegalArgumentException if the length is not a multiple of {@link #channels()}
     */
    public void applyInPlace(float[] features) {
        requireNonNull(features, "features is null");
        int channels = mean.length;
        if (features.length % channels != 0) {
            throw new IllegalArgumentException(
                    features.length + " values are not whole samples of " + channels + " channels");
        }
        float[] inv = new float[channels];
        for (int c = 0; c < channels; c++) inv[c] = 1f / std[c];
        for (int i = 0; i < features.length; i += channels) {
            for (int c = 0; c < channels; c++) {
                features[i + c] = (features[i + c] - mean[c]) * inv[c];
            }
        }
    }

    /** What a raw 0 (black, the zero padding of a crop) becomes: {@code -mean[c] / std[c]}. */
    public float[] normalizedZero() {
        float[] z = new float[mean.length];
        for (int c = 0; c < z.length; c++) z[c] = (0f - mean[c]) * (1f / std[c]);
        return z;
    }

    /** The model.yaml form: {@code {mean: [...], std: [...]}}. */
    public Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", toList(mean));
        m.put("std", toList(std));
        return m;
    }

    /**
     * Reads {@link #toConfig()}'s form; {@code null} stays {@code null} (no normalization).
     *
     * @throws IllegalArgumentException if {@code mean} or {@code std} is missing or not a list of
     *     numbers of the same length, or a value is unusable
     */
    public static ChannelNormalization fromConfig(Object config) {
        if (config == null) return null;
        if (!(config instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(
                    "normalization must be a map {mean: [...], std: [...]}, got " + config);
        }
        return new ChannelNormalization(floats(m.get("mean"), "mean"), floats(m.get("std"), "std"));
    }

    private void check(int channels) {
        if (channels != mean.length) {
            throw new IllegalArgumentException(
                    "this normalization is for "
                            + mean.length
                            + " channels but the samples have "
                            + channels);
        }
    }

    private static int channels(long[] shape) {
        return shape.length == 0 ? 1 : Math.toIntExact(shape[shape.length - 1]);
    }

    private static List<Double> toList(float[] v) {
        List<Double> out = new ArrayList<>();
        // Float.toString keeps the shortest decimal that reads back as the same float.
        for (float f : v) out.add(Double.valueOf(Float.toString(f)));
        return out;
    }

    private static float[] floats(Object o, String key) {
        if (!(o instanceof List<?> l) || !l.stream().allMatch(Number.class::isInstance)) {
            throw new IllegalArgumentException(
                    "normalization." + key + " must be a list of numbers, got " + o);
        }
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).floatValue();
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelNormalization n
                && Arrays.equals(mean, n.mean)
                && Arrays.equals(std, n.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "ChannelNormalization[mean="
                + Arrays.toString(mean)
                + ", std="
                + Arrays.toString(std)
                + "]";
    }
}
