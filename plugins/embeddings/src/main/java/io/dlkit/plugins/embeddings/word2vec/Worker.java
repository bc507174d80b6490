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
    private long state;
    private float alpha;

    Worker(Word2Vec w, long random, int from, int to) {
        this.w = w;
        this.from = from;
        this.to = to;
        this.dim = w.dim;
        this.neu1 = new float[dim];
        this.neu1e = new float[dim];
        this.negatives = new int[w.spec.negative()];
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

    private void skipGram(int length, int pos, int b) {
        int window = w.spec.window();
        int word = sentence[pos];
        for (int a = b; a < window * 2 + 1 - b; a++) {
            int c = pos - window + a;
            if (a == window || c < 0 || c >= length) {
                continue;
            }
            int l1 = sentence[c] * dim;
            java.util.Arrays.fill(neu1e, 0f);
            train(w.syn0, l1, word);
            for (int d = 0; d < dim; d++) {
                w.syn0[l1 + d] += neu1e[d];
            }
        }
    }

    private void cbow(int length, int pos, int b) {
        int window = w.spec.window();
        java.util.Arrays.fill(neu1, 0f);
        int cw = 0;
        for (int a = b; a < window * 2 + 1 - b; a++) {
            int c = pos - window + a;
            if (a != window && c >= 0 && c < length) {
                int l1 = sentence[c] * dim;
                for (int d = 0; d < dim; d++) {
                    neu1[d] += w.syn0[l1 + d];
                }
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
                int l1 = sentence[c] * dim;
                for (int d = 0; d < dim; d++) {
                    w.syn0[l1 + d] += neu1e[d];
                }
            }
        }
    }

    /** Hierarchical softmax then negative sampling, both adding into {@code neu1e}. */
    private void train(float[] in, int offset, int word) {
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
        if (w.sampler != null) {
            for (int d = 0; d < negatives.length; d++) {
                state = Lcg.next(state);
                negatives[d] = w.sampler.sample(state);
            }
            Kernels.negativeSampling(
                    in,
                    offset,
                    w.syn1neg,
                    dim,
                    word,
                    negatives,
                    negatives.length,
                    alpha,
                    w.sigmoid,
                    neu1e);
        }
    }
}
