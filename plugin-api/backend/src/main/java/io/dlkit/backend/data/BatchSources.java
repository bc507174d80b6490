package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.NdArray;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Ready-made {@link BatchSource}s and wrappers. */
public final class BatchSources {
    private BatchSources() {}

    /**
     * A {@link Dataset}'s mini-batches as a batch source: {@code x} (the features) and {@code
     * labels} (int32) or {@code targets} (float32), shuffled per epoch as {@link
     * MiniBatches#shuffled} does.
     */
    public static BatchSource of(Dataset data, int batchSize) {
        requireNonNull(data, "data is null");
        MiniBatches batches = MiniBatches.shuffled(data, batchSize, 0);
        return new BatchSource() {
            @Override
            public int size() {
                return data.size();
            }

            @Override
            public int batchSize() {
                return batches.batchSize();
            }

            @Override
            public List<String> names() {
                return List.of("x", data.hasClassLabels() ? "labels" : "targets");
            }

            @Override
            public Map<String, NdArray> batch(long seed, int epoch, int b) {
                MiniBatches seeded = MiniBatches.shuffled(data, batchSize, seed);
                float[] x = seeded.newFeatureBuffer();
                MiniBatches.Epoch e = seeded.epoch(epoch);
                long[] shape = data.featureShape();
                if (data.hasClassLabels()) {
                    int[] y = seeded.newLabelBuffer();
                    int rows = e.copy(b, x, y);
                    return Map.of(
                            "x",
                                    NdArray.of(
                                            java.util.Arrays.copyOf(x, rows * data.featureSize()),
                                            batched(rows, shape)),
                            "labels", NdArray.of(java.util.Arrays.copyOf(y, rows), rows));
                }
                float[] t = seeded.newTargetBuffer();
                int rows = e.copy(b, x, t);
                return Map.of(
                        "x",
                                NdArray.of(
                                        java.util.Arrays.copyOf(x, rows * data.featureSize()),
                                        batched(rows, shape)),
                        "targets",
                                NdArray.of(
                                        java.util.Arrays.copyOf(t, rows * data.targetSize()),
                                        batched(rows, data.targetShape())));
            }
        };
    }

    /**
     * {@code source} with its batches made ahead on one background thread, at most {@code depth} at
     * a time, in the order a training loop asks for them (batch after batch, epoch after epoch).
     * Asking for another batch (a resume, a validation pass) drops the queue and starts over from
     * there; the batches are the same either way. Close it to stop the thread.
     *
     * @param depth how many batches to keep ready, at least 1
     */
    public static Prefetching prefetching(BatchSource source, int depth) {
        return new Prefetching(source, depth);
    }

    static long[] batched(int rows, long[] shape) {
        long[] d = new long[shape.length + 1];
        d[0] = rows;
        System.arraycopy(shape, 0, d, 1, shape.length);
        return d;
    }

    /** A batch source that makes its next batches ahead on a background thread. */
    public static final class Prefetching implements BatchSource, AutoCloseable {
        private final BatchSource source;
        private final int depth;
        private final ExecutorService thread;
        private final Deque<Ahead> queue = new ArrayDeque<>();

        private Prefetching(BatchSource source, int depth) {
            this.source = requireNonNull(source, "source is null");
            if (depth < 1) throw new IllegalArgumentException("depth must be >= 1, got " + depth);
            this.depth = depth;
            this.thread =
                    Executors.newSingleThreadExecutor(
                            r -> {
                                Thread t = new Thread(r, "dlkit-prefetch");
                                t.setDaemon(true);
                                return t;
                            });
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public int batchSize() {
            return source.batchSize();
        }

        @Override
        public List<String> names() {
            return source.names();
        }

        @Override
        public synchronized Map<String, NdArray> batch(long seed, int epoch, int batch) {
            Ahead head = queue.peekFirst();
            if (head == null || head.seed != seed || head.epoch != epoch || head.batch != batch) {
                queue.forEach(a -> a.future.cancel(true));
                queue.clear();
                queue.add(submit(seed, epoch, batch));
            }
            Ahead next = queue.removeFirst();
            while (queue.size() < depth) {
                Ahead last = queue.isEmpty() ? next : queue.peekLast();
                int b = last.batch + 1;
                int e = last.epoch;
                if (b >= source.batchCount()) {
                    b = 0;
                    e++;
                }
                queue.addLast(submit(seed, e, b));
            }
            try {
                return next.future.get();
            } catch (ExecutionException ex) {
                Throwable cause = ex.getCause();
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a batch");
            }
        }

        private Ahead submit(long seed, int epoch, int batch) {
            return new Ahead(
                    seed, epoch, batch, thread.submit(() -> source.batch(seed, epoch, batch)));
        }

        @Override
        public synchronized void close() {
            queue.forEach(a -> a.future.cancel(true));
            queue.clear();
            thread.shutdownNow();
        }

        private record Ahead(
                long seed, int epoch, int batch, Future<Map<String, NdArray>> future) {}
    }
}
