package io.dlkit.plugins.face.train;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The verification head's feeder: batches of descriptor pairs, half of one person (two different
 * images of an identity that has two or more) and half of two people, with {@code x} ({@code [rows,
 * 2d]}: the two descriptors side by side) and {@code labels} (1 same, 0 different). Every batch is
 * drawn from a generator seeded with {@code (seed, epoch, batch)} alone, so runs repeat and resume
 * exactly.
 */
public final class PairBatches implements BatchSource {
    private final List<List<float[]>> descriptors;
    private final int[] withPairs;
    private final int rows;
    private final int batches;
    private final int size;

    /**
     * @param descriptors each identity's descriptors
     * @param rows pairs per batch, even, {@code >= 2}
     * @param batches batches per epoch, {@code >= 1}
     */
    public PairBatches(List<List<float[]>> descriptors, int rows, int batches) {
        this.descriptors = descriptors;
        this.withPairs =
                java.util.stream.IntStream.range(0, descriptors.size())
                        .filter(i -> descriptors.get(i).size() >= 2)
                        .toArray();
        if (withPairs.length < 1 || descriptors.size() < 2) {
            throw new IllegalArgumentException(
                    "pairs need two identities, one of them with two faces or more");
        }
        if (rows < 2 || rows % 2 != 0) {
            throw new IllegalArgumentException(
                    "pairs per batch must be even and >= 2, got " + rows);
        }
        if (batches < 1) throw new IllegalArgumentException("batches must be >= 1, got " + batches);
        this.rows = rows;
        this.batches = batches;
        this.size = descriptors.get(withPairs[0]).get(0).length;
    }

    @Override
    public int size() {
        return rows * batches;
    }

    @Override
    public int batchSize() {
        return rows;
    }

    @Override
    public List<String> names() {
        return List.of("x", "labels");
    }

    @Override
    public Map<String, NdArray> batch(long seed, int epoch, int batch) {
        SplittableRandom r = new SplittableRandom(IdentityBatches.mix(seed, epoch, batch));
        float[] x = new float[rows * 2 * size];
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            boolean same = i % 2 == 0;
            List<float[]> a;
            List<float[]> b;
            int ia;
            int ib;
            if (same) {
                a = b = descriptors.get(withPairs[r.nextInt(withPairs.length)]);
                ia = r.nextInt(a.size());
                ib = (ia + 1 + r.nextInt(a.size() - 1)) % a.size();
            } else {
                int p = r.nextInt(descriptors.size());
                int q = (p + 1 + r.nextInt(descriptors.size() - 1)) % descriptors.size();
                a = descriptors.get(p);
                b = descriptors.get(q);
                ia = r.nextInt(a.size());
                ib = r.nextInt(b.size());
            }
            System.arraycopy(a.get(ia), 0, x, i * 2 * size, size);
            System.arraycopy(b.get(ib), 0, x, i * 2 * size + size, size);
            labels[i] = same ? 1 : 0;
        }
        return Map.of("x", NdArray.of(x, rows, 2L * size), "labels", NdArray.of(labels, rows));
    }

    @Override
    public int batchCount() {
        return batches;
    }
}
