package io.dlkit.plugins.embeddings.glove;

import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.word2vec.Progress;
import java.util.Random;

/**
 * Trains GloVe vectors on a corpus: counts X, then {@code iterations} passes of AdaGrad over its
 * non-zero entries in a shuffled order (one thread; the same seed gives the same vectors).
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
            java.util.List<String> words,
            Cooccurrences x,
            GloveSpec spec,
            Progress.Listener listener) {
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
        for (int pass = 0; pass < spec.iterations(); pass++) {
            shuffle(order, random);
            double cost = 0;
            for (int k : order) {
                cost +=
                        model.step(
                                entries.rows()[k],
                                entries.cols()[k],
                                entries.counts()[k],
                                weights[k],
                                spec.learningRate());
            }
            listener.onProgress(progress(pass + 1, spec, n, start, cost / Math.max(1, n)));
        }
        return new WordVectors(words, model.combined(), spec.dim());
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
