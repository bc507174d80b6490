package io.dlkit.plugins.embeddings.glove;

import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.word2vec.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains GloVe vectors on a corpus: counts X, then {@code iterations} passes of AdaGrad over its
 * non-zero entries in a shuffled order, each pass split among the threads, which update the shared
 * parameters without locks (Hogwild, as the Stanford tool). One thread and a seed give the same
 * vectors on every run.
 */
public final class Glove {
    private Glove() {}

    /** Counts co-occurrences in {@code corpus} and trains on them. */
    public static WordVectors train(Corpus corpus, GloveSpec spec, Progress.Listener listener) {
        Cooccurrences x = Cooccurrences.count(corpus, spec.window());
        return train(corpus.vocabulary().words(), x, spec, listener);
    }

    /** Trains on given co-occurrences; returns (e + t) / 2 per word. */
    public static WordVectors train(
            List<String> words, Cooccurrences x, GloveSpec spec, Progress.Listener listener) {
        GloveModel model = new GloveModel(words.size(), spec.dim());
        model.randomize(spec.seed());
        Cooccurrences.Entries entries = x.entries();
        int n = x.size();
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = spec.weight(entries.counts()[k]);
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Random random = new Random(spec.seed() + 1);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(spec.threads());
        try {
            for (int pass = 0; pass < spec.iterations(); pass++) {
                shuffle(order, random);
                double cost = pass(pool, spec, model, entries, weights, order);
                listener.onProgress(progress(pass + 1, spec, n, start, cost / Math.max(1, n)));
            }
        } finally {
            pool.shutdownNow();
        }
        return new WordVectors(words, model.combined(), spec.dim());
    }

    /** One pass, the shuffled entries cut into one contiguous slice per thread; the total cost. */
    private static double pass(
            ExecutorService pool,
            GloveSpec spec,
            GloveModel model,
            Cooccurrences.Entries entries,
            double[] weights,
            int[] order) {
        int threads = spec.threads();
        List<Future<Double>> slices = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) order.length * t / threads);
            int to = (int) ((long) order.length * (t + 1) / threads);
            slices.add(pool.submit(() -> slice(spec, model, entries, weights, order, from, to)));
        }
        double cost = 0;
        try {
            for (Future<Double> f : slices) {
                cost += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a training thread failed: " + e.getCause(), e);
        }
        return cost;
    }

    private static double slice(
            GloveSpec spec,
            GloveModel model,
            Cooccurrences.Entries entries,
            double[] weights,
            int[] order,
            int from,
            int to) {
        double cost = 0;
        for (int i = from; i < to; i++) {
            int k = order[i];
            cost +=
                    model.step(
                            entries.rows()[k],
                            entries.cols()[k],
                            entries.counts()[k],
                            weights[k],
                            spec.learningRate());
        }
        return cost;
    }

    private static Progress progress(
            int pass, GloveSpec spec, int entries, long start, double cost) {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        long done = (long) pass * entries;
        long total = (long) spec.iterations() * entries;
        double speed = done / seconds;
        return new Progress(
                done, total, spec.learningRate(), speed, (total - done) / speed, "pairs", cost);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
