package io.dlkit.plugins.detector.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.yolo.YoloTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A YOLO feeder: batches of images ({@code x}, {@code [n, S_in, S_in, 3]}) with their target grids
 * ({@code yolo_target}, {@code yolo_mask}, see {@link YoloTargets}), each image augmented ({@link
 * Augmentation}) before its boxes are assigned. An epoch's order is a shuffle drawn from {@code
 * (seed, epoch)} and each image's augmentation from {@code (seed, epoch, batch, position)}, so a
 * batch depends on nothing else and a resumed run sees exactly the batches the interrupted one
 * would have. Images come from {@code images} (already at the input size, RGB in [0, 1]), which
 * must be safe to call from a background thread.
 */
public final class YoloBatchSource implements BatchSource {
    private final IntFunction<float[]> images;
    private final List<List<LabeledBox>> labels;
    private final int size;
    private final int batchSize;
    private final YoloTargets targets;
    private final Augmentation augmentation;
    private final boolean shuffle;

    /**
     * @param images image {@code i} at {@code size x size}, HWC RGB in [0, 1]
     * @param labels image {@code i}'s boxes as fractions of the image
     * @param shuffle whether each epoch is shuffled (training) or in order (validation)
     */
    public YoloBatchSource(
            IntFunction<float[]> images,
            List<List<LabeledBox>> labels,
            int size,
            int batchSize,
            YoloTargets targets,
            Augmentation augmentation,
            boolean shuffle) {
        this.images = requireNonNull(images, "images is null");
        this.labels = List.copyOf(labels);
        this.size = size;
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
        this.batchSize = batchSize;
        this.targets = requireNonNull(targets, "targets is null");
        this.augmentation = requireNonNull(augmentation, "augmentation is null");
        this.shuffle = shuffle;
    }

    @Override
    public int size() {
        return labels.size();
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public List<String> names() {
        return List.of("x", YoloObjective.TARGET, YoloObjective.MASK);
    }

    @Override
    public Map<String, NdArray> batch(long seed, int epoch, int batch) {
        int[] order = order(seed, epoch);
        int from = batch * batchSize;
        int n = Math.min(batchSize, order.length - from);
        int pixels = size * size * 3;
        float[] x = new float[n * pixels];
        float[] target = new float[n * targets.targetSize()];
        float[] mask = new float[n * targets.maskSize()];
        for (int k = 0; k < n; k++) {
            int i = order[from + k];
            float[] img = images.apply(i);
            List<LabeledBox> boxes = labels.get(i);
            if (augmentation.equals(Augmentation.NONE)) {
                System.arraycopy(img, 0, x, k * pixels, pixels);
            } else {
                SplittableRandom r = new SplittableRandom(mix(seed, epoch, batch, k));
                boxes = augmentation.apply(img, size, boxes, r, x, k * pixels);
            }
            targets.encodeInto(boxes, target, mask, k);
        }
        long[] grid = gridShape();
        return Map.of(
                "x",
                NdArray.of(x, n, size, size, 3),
                YoloObjective.TARGET,
                NdArray.of(target, n, grid[0], grid[1], grid[2], grid[3]),
                YoloObjective.MASK,
                NdArray.of(mask, n, grid[0], grid[1], grid[2]));
    }

    private long[] gridShape() {
        int cellsTimesAnchors = targets.maskSize();
        int width = targets.targetSize() / cellsTimesAnchors;
        int anchors = targets.anchorCount();
        int side = (int) Math.round(Math.sqrt(cellsTimesAnchors / (double) anchors));
        return new long[] {side, side, anchors, width};
    }

    /** Epoch {@code epoch}'s order: a Fisher-Yates shuffle seeded by (seed, epoch), or 0..n-1. */
    int[] order(long seed, int epoch) {
        int[] o = new int[labels.size()];
        for (int i = 0; i < o.length; i++) o[i] = i;
        if (!shuffle) return o;
        SplittableRandom r = new SplittableRandom(mix(seed, epoch, -1, -1));
        for (int i = o.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = o[i];
            o[i] = o[j];
            o[j] = t;
        }
        return o;
    }

    private static long mix(long seed, int epoch, int batch, int k) {
        long z =
                seed
                        ^ (0x9E3779B97F4A7C15L * (epoch + 1L))
                        ^ (0xC2B2AE3D27D4EB4FL * (batch + 2L))
                        ^ (0x165667B19E3779F9L * (k + 2L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Labels per image, for tests. */
    List<List<LabeledBox>> labels() {
        return new ArrayList<>(labels);
    }
}
