package io.dlkit.plugins.detector.heads;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A feeder for the landmark head: images ({@code x}, {@code [n, S, S, 3]}), their {@code 2k}
 * coordinates ({@code targets}, 0 where a landmark is absent) and the visibility ({@code
 * landmark_visible}, {@code [n, k]}) that {@link LandmarkObjective#masked} reads. Each epoch is a
 * shuffle drawn from {@code (seed, epoch)}, or 0..n-1 without shuffling.
 */
public final class LandmarkBatchSource implements BatchSource {
    private final LandmarkData data;
    private final int size;
    private final int batchSize;
    private final boolean shuffle;

    /** Batches of {@code batchSize} images of {@code data} at {@code size x size}. */
    public LandmarkBatchSource(LandmarkData data, int size, int batchSize, boolean shuffle) {
        this.data = requireNonNull(data, "data is null");
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        this.size = size;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
    }

    @Override
    public int size() {
        return data.images().size();
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public List<String> names() {
        return List.of("x", "targets", LandmarkObjective.VISIBLE);
    }

    @Override
    public Map<String, NdArray> batch(long seed, int epoch, int batch) {
        int[] order = order(seed, epoch);
        int from = batch * batchSize;
        int n = Math.min(batchSize, order.length - from);
        int k = data.landmarks();
        int pixels = size * size * 3;
        float[] x = new float[n * pixels];
        float[] y = new float[n * 2 * k];
        float[] v = new float[n * k];
        for (int j = 0; j < n; j++) {
            int i = order[from + j];
            System.arraycopy(data.image(i, size), 0, x, j * pixels, pixels);
            float[] seen = data.visible(i);
            System.arraycopy(seen, 0, v, j * k, k);
            float[] p = data.points().get(i);
            for (int c = 0; c < 2 * k; c++) y[j * 2 * k + c] = seen[c / 2] * p[c];
        }
        return Map.of(
                "x",
                NdArray.of(x, n, size, size, 3),
                "targets",
                NdArray.of(y, n, 2 * k),
                LandmarkObjective.VISIBLE,
                NdArray.of(v, n, k));
    }

    private int[] order(long seed, int epoch) {
        int[] o = new int[size()];
        for (int i = 0; i < o.length; i++) o[i] = i;
        if (!shuffle) return o;
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = o.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }
}
