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
 * sentences for every pass. With one thread and a seed the result is the same on every run, and a
 * run resumed from the state saved after a pass equals an uninterrupted one.
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

    private Word2Vec(
            Corpus corpus, Word2VecSpec spec, Progress.Listener listener, TrainingState from) {
        Vocabulary vocabulary = corpus.vocabulary();
        int v = vocabulary.size();
        this.corpus = corpus;
        this.spec = spec;
        this.dim = spec.dim();
        this.syn0 = from != null ? from.syn0() : initialVectors(v, dim, spec.seed());
        this.syn1 =
                from != null ? from.syn1() : spec.hierarchicalSoftmax() ? new float[v * dim] : null;
        this.syn1neg =
                from != null ? from.syn1neg() : spec.negative() > 0 ? new float[v * dim] : null;
        this.tree = spec.hierarchicalSoftmax() ? new HuffmanTree(vocabulary) : null;
        this.sampler = spec.negative() > 0 ? new NegativeSampler(vocabulary) : null;
        this.keep = keepProbabilities(vocabulary, corpus.tokens().length, spec.sample());
        long total = (long) spec.iterations() * corpus.tokens().length;
        this.meter = new ProgressMeter(total, listener, 1_000_000_000L);
        if (from != null) {
            meter.add(from.words());
        }
    }

    /** Trains and returns the word vectors ({@code syn0}), one row per vocabulary word. */
    public static WordVectors train(Corpus corpus, Word2VecSpec spec, Progress.Listener listener) {
        return train(corpus, spec, listener, Checkpoints.none());
    }

    /**
     * Trains from the state {@code checkpoints} resumes (if any; it must carry the same
     * fingerprint), saving the state there after every pass.
     */
    public static WordVectors train(
            Corpus corpus, Word2VecSpec spec, Progress.Listener listener, Checkpoints checkpoints) {
        long cells = (long) corpus.vocabulary().size() * spec.dim();
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "vocabulary x --dim = " + cells + " exceeds 2^31 floats; raise --min-count");
        }
        TrainingState from = checkpoints.resume();
        if (from != null) {
            check(from, checkpoints.fingerprint(), slices(corpus, spec.threads()).size());
        }
        Word2Vec w2v = new Word2Vec(corpus, spec, listener, from);
        w2v.run(from, checkpoints);
        return new WordVectors(corpus.vocabulary().words(), w2v.syn0, spec.dim());
    }

    private static void check(TrainingState from, String fingerprint, int workers) {
        if (!from.fingerprint().equals(fingerprint) || from.random().length != workers) {
            throw new IllegalArgumentException(
                    "the saved state was trained with other settings or another corpus ("
                            + from.fingerprint()
                            + "); give the same options and text, or drop --resume");
        }
    }

    private void run(TrainingState from, Checkpoints checkpoints) {
        List<int[]> slices = slices(corpus, spec.threads());
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < slices.size(); t++) {
            long random = from != null ? from.random()[t] : spec.seed() + t;
            workers.add(new Worker(this, random, slices.get(t)[0], slices.get(t)[1]));
        }
        for (int pass = from != null ? from.passes() : 0; pass < spec.iterations(); pass++) {
            runPass(workers);
            long[] random = workers.stream().mapToLong(Worker::random).toArray();
            checkpoints.save(
                    new TrainingState(
                            checkpoints.fingerprint(),
                            pass + 1,
                            meter.add(0),
                            random,
                            syn0,
                            syn1,
                            syn1neg));
        }
        meter.finish(alpha(meter.add(0)));
    }

    /** One pass over the corpus, every worker on its own thread over its own sentences. */
    private void runPass(List<Worker> workers) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < workers.size(); t++) {
            Thread thread = new Thread(workers.get(t), "word2vec-" + t);
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
