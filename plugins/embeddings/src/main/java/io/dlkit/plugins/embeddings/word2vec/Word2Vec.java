package io.dlkit.plugins.embeddings.word2vec;

import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.corpus.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains word2vec vectors on a corpus: the shared matrices ({@code syn0} the word vectors, {@code
 * syn1} the inner nodes of hierarchical softmax, {@code syn1neg} the output vectors of negative
 * sampling, all V x D floats), the tables, and the worker threads, each over its own slice of the
 * sentences for every pass. With one thread and a seed the result is the same on every run.
 *
 * <pre>{@code
 * Corpus corpus = Corpus.load(Path.of("text.txt"), true, 5);
 * WordVectors vectors = Word2Vec.train(corpus, Word2VecSpec.defaults(), Progress.Listener.none());
 * }</pre>
 */
public final class Word2Vec {
    /** Words between two learning-rate updates (and progress checks), as in the C tool. */
    static final int UPDATE_EVERY = 10_000;

    final Corpus corpus;
    final Word2VecSpec spec;
    final int dim;
    final float[] syn0;
    final float[] syn1;
    final float[] syn1neg;
    final float[] keep;
    final NegativeSampler sampler;
    final HuffmanTree tree;
    final SigmoidTable sigmoid = SigmoidTable.standard();
    final ProgressMeter meter;

    private Word2Vec(Corpus corpus, Word2VecSpec spec, Progress.Listener listener) {
        Vocabulary vocabulary = corpus.vocabulary();
        int v = vocabulary.size();
        this.corpus = corpus;
        this.spec = spec;
        this.dim = spec.dim();
        this.syn0 = initialVectors(v, dim, spec.seed());
        this.syn1 = spec.hierarchicalSoftmax() ? new float[v * dim] : null;
        this.syn1neg = spec.negative() > 0 ? new float[v * dim] : null;
        this.tree = spec.hierarchicalSoftmax() ? new HuffmanTree(vocabulary) : null;
        this.sampler = spec.negative() > 0 ? new NegativeSampler(vocabulary) : null;
        this.keep = keepProbabilities(vocabulary, corpus.tokens().length, spec.sample());
        long total = (long) spec.iterations() * corpus.tokens().length;
        this.meter = new ProgressMeter(total, listener, 1_000_000_000L);
    }

    /** Trains and returns the word vectors ({@code syn0}), one row per vocabulary word. */
    public static WordVectors train(Corpus corpus, Word2VecSpec spec, Progress.Listener listener) {
        long cells = (long) corpus.vocabulary().size() * spec.dim();
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "vocabulary x --dim = " + cells + " exceeds 2^31 floats; raise --min-count");
        }
        Word2Vec w2v = new Word2Vec(corpus, spec, listener);
        w2v.run();
        return new WordVectors(corpus.vocabulary().words(), w2v.syn0, spec.dim());
    }

    private void run() {
        List<int[]> slices = slices(corpus, spec.threads());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < slices.size(); t++) {
            Worker worker = new Worker(this, t, slices.get(t)[0], slices.get(t)[1]);
            Thread thread = new Thread(worker, "word2vec-" + t);
            thread.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training", e);
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "a training thread failed: " + failure.get(), failure.get());
        }
        meter.finish(alpha(meter.add(0)));
    }

    /** The learning rate after {@code done} words: linear decay, floored at alpha / 10^4. */
    double alpha(long done) {
        double start = spec.alpha();
        double total = (double) spec.iterations() * corpus.tokens().length + 1;
        return Math.max(start * (1 - done / total), start * 1e-4);
    }

    /** The C tool's start: uniform in [-0.5, 0.5) / D from its random numbers. */
    static float[] initialVectors(int v, int dim, long seed) {
        float[] syn0 = new float[v * dim];
        long state = seed;
        for (int i = 0; i < syn0.length; i++) {
            state = Lcg.next(state);
            syn0[i] = (Lcg.unit16(state) - 0.5f) / dim;
        }
        return syn0;
    }

    private static float[] keepProbabilities(Vocabulary vocabulary, long total, double sample) {
        SubSampler sub = new SubSampler(sample, total);
        float[] keep = new float[vocabulary.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = (float) sub.keepProbability(vocabulary.count(i));
        }
        return keep;
    }

    /** Contiguous sentence ranges with about the same number of tokens, one per thread. */
    static List<int[]> slices(Corpus corpus, int threads) {
        int[] starts = corpus.sentenceStarts();
        int sentences = corpus.sentenceCount();
        long tokens = corpus.tokens().length;
        List<int[]> slices = new ArrayList<>();
        int from = 0;
        for (int t = 1; t <= threads && from < sentences; t++) {
            long goal = tokens * t / threads;
            int to = from + 1;
            while (to < sentences && (t == threads || starts[to] < goal)) {
                to++;
            }
            slices.add(new int[] {from, to});
            from = to;
        }
        return slices;
    }
}
