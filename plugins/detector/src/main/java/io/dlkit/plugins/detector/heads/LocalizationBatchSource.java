package io.dlkit.plugins.detector.heads;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A feeder for the localization head: batches of images ({@code x}, {@code [n, S, S, 3]}) with
 * their one-object targets ({@code targets}, {@code [n, 5 + C]}, {@link LocalizationTargets}).
 * Every image's labels are checked when the source is made, so a set with two boxes in one image
 * fails before training starts, naming the image. An epoch's order is a shuffle drawn from {@code
 * (seed, epoch)} (or 0..n-1 for validation), so a batch depends on nothing else and resumes
 * exactly.
 */
public final class LocalizationBatchSource implements BatchSource {
    private final IntFunction<float[]> images;
    private final float[] targets;
    private final LocalizationTargets encoder;
    private final int count;
    private final int size;
    private final int batchSize;
    private final boolean shuffle;

    /**
     * @param images image {@code i} at {@code size x size}, HWC RGB in [0, 1], safe to call from a
     *     background thread
     * @param labels image {@code i}'s boxes as fractions of the image (none or one)
     * @param names image {@code i}'s name, for errors
     * @throws IllegalArgumentException naming the first image with more than one box
     */
    public LocalizationBatchSource(
            IntFunction<float[]> images,
            List<List<LabeledBox>> labels,
            List<String> names,
            LocalizationTargets encoder,
            int size,
            int batchSize,
            boolean shuffle) {
        this.images = requireNonNull(images, "images is null");
        this.encoder = requireNonNull(encoder, "encoder is null");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        this.count = labels.size();
        this.size = size;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.targets = new float[count * encoder.width()];
        for (int i = 0; i < count; i++) encoder.encodeInto(labels.get(i), targets, i, names.get(i));
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public List<String> names() {
        return List.of("x", "targets");
    }

    @Override
    public Map<String, NdArray> batch(long seed, int epoch, int batch) {
        int[] order = order(seed, epoch);
        int from = batch * batchSize;
        int n = Math.min(batchSize, count - from);
        int pixels = size * size * 3;
        int width = encoder.width();
        float[] x = new float[n * pixels];
        float[] y = new float[n * width];
        for (int k = 0; k < n; k++) {
            int i = order[from + k];
            System.arraycopy(images.apply(i), 0, x, k * pixels, pixels);
            System.arraycopy(targets, i * width, y, k * width, width);
        }
        return Map.of("x", NdArray.of(x, n, size, size, 3), "targets", NdArray.of(y, n, width));
    }

    private int[] order(long seed, int epoch) {
        int[] o = new int[count];
        for (int i = 0; i < count; i++) o[i] = i;
        if (!shuffle) return o;
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = count - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }
}
