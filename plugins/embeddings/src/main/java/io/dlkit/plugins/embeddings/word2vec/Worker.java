package io.dlkit.plugins.embeddings.word2vec;

import io.dlkit.plugins.embeddings.corpus.Corpus;

/**
 * One training thread's work, run once per pass: sub-samples each of its sentences, then trains
 * every position with a window shrunk at random to b in [1, window] (the C tool's {@code b =
 * next_random % window}). Updates go straight into the shared arrays (Hogwild).
 */
final class Worker implements Runnable {
    private final Word2Vec w;
    private final int from;
    private final int to;
    private final int dim;
    private final int[] sentence = new int[Corpus.MAX_SENTENCE];
    private final float[] neu1;
    private final float[] neu1e;
    private final int[] negatives;
    private final int[] contexts;

    /** Where {@link #prefetch} leaves its sums; never read. */
    float sink;

    private long state;
    private float alpha;

    Worker(Word2Vec w, long random, int from, int to) {
        this.w = w;
        this.from = from;
        this.to = to;
        this.dim = w.dim;
        this.neu1 = new float[dim];
        this.neu1e = new float[dim];
        this.negatives = new int[2 * w.spec.window() * w.spec.negative()];
        this.contexts = new int[2 * w.spec.window()];
        this.state = random;
    }

    /** This thread's random state (between passes). */
    long random() {
        return state;
    }

    @Override
    public void run() {
        long count = 0;
        long reported = 0;
        int[] starts = w.corpus.sentenceStarts();
        alpha = (float) w.alpha(w.meter.add(0));
        for (int s = from; s < to; s++) {
            if (count - reported > Word2Vec.UPDATE_EVERY) {
                alpha = (float) w.alpha(w.meter.add(count - reported));
                reported = count;
                w.meter.maybeReport(alpha);
            }
            count += starts[s + 1] - starts[s];
            int length = subsample(starts[s], starts[s + 1]);
            for (int pos = 0; pos < length; pos++) {
                state = Lcg.next(state);
                int b = Lcg.below(state, w.spec.window());
                if (w.spec.cbow()) {
                    cbow(length, pos, b);
                } else {
                    skipGram(length, pos, b);
                }
            }
        }
        w.meter.add(count - reported);
    }

    private int subsample(int start, int end) {
        int[] tokens = w.corpus.tokens();
        int length = 0;
        for (int t = start; t < end; t++) {
            int word = tokens[t];
            if (w.keep[word] < 1) {
                state = Lcg.next(state);
                if (w.keep[word] < Lcg.unit16(state)) {
                    continue;
                }
            }
            sentence[length++] = word;
        }
        return length;
    }

    /**
     * Skip-gram at one position: every context word predicts the centre word. The negatives of all
     * its pairs are drawn first (the same random numbers in the same order as drawing them pair by
     * pair) and their rows touched, so their cache misses overlap.
     */
    private void skipGram(int length, int pos, int b) {
        int window = w.spec.window();
        int word = sentence[pos];
        int k = w.sampler != null ? w.spec.negative() : 0;
        int pairs = 0;
        for (int a = b; a < window * 2 + 1 - b; a++) {
            int c = pos - window + a;
            if (a != window && c >= 0 && c < length) {
                contexts[pairs] = sentence[c];
                for (int d = 0; d < k; d++) {
                    state = Lcg.next(state);
                    negatives[pairs * k + d] = w.sampler.sample(state);
                }
                pairs++;
            }
        }
        prefetch(pairs, k, word);
        for (int p = 0; p < pairs; p++) {
            int l1 = contexts[p] * dim;
            java.util.Arrays.fill(neu1e, 0f);
            hierarchicalSoftmax(w.syn0, l1, word);
            if (k > 0) {
                Kernels.negativeSampling(
                        w.syn0, l1, w.syn1neg, dim, word, negatives, p * k, k, alpha, w.sigmoid,
                        neu1e);
            }
            Kernels.axpy(1f, neu1e, 0, w.syn0, l1, dim);
        }
    }

    /** Touches the rows one skip-gram position will use (see {@link Kernels#touch}). */
    private void prefetch(int pairs, int k, int word) {
        float t = 0;
        for (int p = 0; p < pairs; p++) {
            t += Kernels.touch(w.syn0, contexts[p] * dim, dim);
        }
        if (k > 0) {
            t += Kernels.touch(w.syn1neg, word * dim, dim);
            for (int i = 0; i < pairs * k; i++) {
                t += Kernels.touch(w.syn1neg, negatives[i] * dim, dim);
            }
        }
        sink += t;
    }

    private void cbow(int length, int pos, int b) {
        int window = w.spec.window();
        java.util.Arrays.fill(neu1, 0f);
        int cw = 0;
        for (int a = b; a < window * 2 + 1 - b; a++) {
            int c = pos - window + a;
            if (a != window && c >= 0 && c < length) {
                Kernels.axpy(1f, w.syn0, sentence[c] * dim, neu1, 0, dim);
                cw++;
            }
        }
        if (cw == 0) {
            return;
        }
        for (int d = 0; d < dim; d++) {
            neu1[d] /= cw;
        }
        java.util.Arrays.fill(neu1e, 0f);
        train(neu1, 0, sentence[pos]);
        for (int a = b; a < window * 2 + 1 - b; a++) {
            int c = pos - window + a;
            if (a != window && c >= 0 && c < length) {
                Kernels.axpy(1f, neu1e, 0, w.syn0, sentence[c] * dim, dim);
            }
        }
    }

    /** Hierarchical softmax then negative sampling, both adding into {@code neu1e} (CBOW). */
    private void train(float[] in, int offset, int word) {
        hierarchicalSoftmax(in, offset, word);
        if (w.sampler != null) {
            int k = w.spec.negative();
            for (int d = 0; d < k; d++) {
                state = Lcg.next(state);
                negatives[d] = w.sampler.sample(state);
            }
            Kernels.negativeSampling(
                    in, offset, w.syn1neg, dim, word, negatives, 0, k, alpha, w.sigmoid, neu1e);
        }
    }

    private void hierarchicalSoftmax(float[] in, int offset, int word) {
        if (w.tree != null) {
            Kernels.hierarchicalSoftmax(
                    in,
                    offset,
                    w.syn1,
                    dim,
                    w.tree.codes(word),
                    w.tree.points(word),
                    alpha,
                    w.sigmoid,
                    neu1e);
        }
    }
}
