package io.dlkit.plugins.face.train;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The triplet loss's feeder: batches of {@code P} identities with {@code K} images each (FaceNet's
 * "around 40 faces per identity per mini-batch", here small), from which {@link TripletLoss} picks
 * its semi-hard triplets online. Arrays: {@code x} ({@code [P K, side, side, 3]}, values 0-1) and
 * {@code targets} ({@code [P K]}, the identity's index as a float).
 *
 * <p>Each epoch visits the identities that have two images or more in an order drawn from the seed
 * and the epoch; batch {@code b} takes the next {@code P} of them (wrapping around) and draws
 * {@code K} images of each (without repeats while the identity has enough) and a horizontal flip
 * per image from a generator seeded with {@code (seed, epoch, b)} alone, so a batch depends on
 * nothing asked before: runs repeat and resume exactly, and batches can be made ahead on another
 * thread.
 */
public final class IdentityBatches implements BatchSource {
    private final FaceFolder data;
    private final int perBatch;
    private final int perIdentity;
    private final int batches;
    private final boolean flip;
    private final int[] anchors;

    /**
     * @param data the faces
     * @param perBatch identities per batch {@code P}, {@code >= 2}
     * @param perIdentity images per identity {@code K}, {@code >= 2}
     * @param batches batches per epoch, or 0 for one pass over the identities
     * @param flip whether to mirror images at random
     */
    public IdentityBatches(
            FaceFolder data, int perBatch, int perIdentity, int batches, boolean flip) {
        this.anchors = data.withPairs();
        if (anchors.length < 2) {
            throw new IllegalArgumentException(
                    "the triplet loss needs at least two identities with two images or more, got "
                            + anchors.length);
        }
        if (perBatch < 2 || perIdentity < 2) {
            throw new IllegalArgumentException(
                    "a triplet batch needs >= 2 identities of >= 2 images, got "
                            + perBatch
                            + " x "
                            + perIdentity);
        }
        this.data = data;
        this.perBatch = Math.min(perBatch, anchors.length);
        this.perIdentity = perIdentity;
        this.batches = batches > 0 ? batches : (anchors.length + this.perBatch - 1) / this.perBatch;
        this.flip = flip;
    }

    @Override
    public int size() {
        return batches * batchSize();
    }

    @Override
    public int batchSize() {
        return perBatch * perIdentity;
    }

    @Override
    public int batchCount() {
        return batches;
    }

    @Override
    public List<String> names() {
        return List.of("x", "targets");
    }

    @Override
    public Map<String, NdArray> batch(long seed, int epoch, int batch) {
        int[] order = order(seed, epoch);
        SplittableRandom random = new SplittableRandom(mix(seed, epoch, batch));
        int side = data.side();
        int pixels = side * side * 3;
        float[] x = new float[batchSize() * pixels];
        float[] targets = new float[batchSize()];
        int row = 0;
        for (int i = 0; i < perBatch; i++) {
            int id = order[(batch * perBatch + i) % order.length];
            List<byte[]> faces = data.pixels().get(id);
            int[] picks = pick(faces.size(), random);
            for (int k = 0; k < perIdentity; k++) {
                boolean mirror = flip && random.nextBoolean();
                copy(faces.get(picks[k]), x, row * pixels, side, mirror);
                targets[row++] = id;
            }
        }
        return Map.of(
                "x", NdArray.of(x, batchSize(), side, side, 3),
                "targets", NdArray.of(targets, batchSize()));
    }

    /** The epoch's identity order: a seeded shuffle of those with pairs. */
    private int[] order(long seed, int epoch) {
        int[] ids = anchors.clone();
        SplittableRandom r = new SplittableRandom(mix(seed, epoch, -1));
        for (int i = ids.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return ids;
    }

    /** K image indices: a shuffled prefix while there are enough, then with repeats. */
    private int[] pick(int n, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = new int[perIdentity];
        for (int k = 0; k < perIdentity; k++) out[k] = k < n ? all[k] : random.nextInt(n);
        return out;
    }

    static void copy(byte[] src, float[] dst, int at, int side, boolean mirror) {
        for (int y = 0; y < side; y++) {
            for (int xx = 0; xx < side; xx++) {
                int from = (y * side + (mirror ? side - 1 - xx : xx)) * 3;
                int to = at + (y * side + xx) * 3;
                for (int c = 0; c < 3; c++) dst[to + c] = (src[from + c] & 0xff) / 255f;
            }
        }
    }

    static long mix(long seed, int epoch, int batch) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)) ^ (0xC2B2AE3D27D4EB4FL * (batch + 2L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
