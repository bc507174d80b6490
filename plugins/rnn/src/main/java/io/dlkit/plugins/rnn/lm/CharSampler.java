package io.dlkit.plugins.rnn.lm;

import static java.util.Objects.requireNonNull;

import java.util.Random;

/**
 * Samples novel text from a character language model, as the notes describe: feed the characters so
 * far, turn the last step's logits into {@code softmax(z / temperature)}, draw the next character
 * from it, append, repeat. The model sees the last {@code steps} characters (its fixed unrolled
 * length) placed at the start of its window, from a zero state as in training; the window's unused
 * steps hold id 0 and, the layers being causal, do not affect the step read.
 */
public final class CharSampler {
    /** The model's logits for one window of ids: {@code [steps * vocab]}, row-major. */
    @FunctionalInterface
    public interface Logits {
        float[] of(float[] window);
    }

    private final Logits model;
    private final CharVocabulary vocab;
    private final int steps;

    /** A sampler over {@code model}, which takes windows of {@code steps} ids. */
    public CharSampler(Logits model, CharVocabulary vocab, int steps) {
        this.model = requireNonNull(model, "model is null");
        this.vocab = requireNonNull(vocab, "vocab is null");
        this.steps = steps;
    }

    /**
     * {@code length} characters following {@code prime} (which must not be empty), drawn at {@code
     * temperature} (> 0; lower is more conservative) with {@code seed}.
     */
    public String sample(String prime, int length, double temperature, long seed) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("--temperature must be > 0, got " + temperature);
        }
        int[] primeIds = vocab.encode(prime);
        if (primeIds.length == 0) throw new IllegalArgumentException("--prime is empty");
        int[] ids = new int[primeIds.length + length];
        System.arraycopy(primeIds, 0, ids, 0, primeIds.length);
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int n = primeIds.length; n < ids.length; n++) {
            int k = Math.min(n, steps);
            float[] window = new float[steps];
            for (int t = 0; t < k; t++) window[t] = ids[n - k + t];
            float[] logits = model.of(window);
            ids[n] = draw(logits, (k - 1) * vocab.size(), temperature, random);
            out.append(vocab.decode(ids[n]));
        }
        return out.toString();
    }

    /**
     * Draws from {@code softmax(z / temperature)} over the {@code vocab} logits at {@code from}.
     */
    int draw(float[] logits, int from, double temperature, Random random) {
        return draw(logits, from, vocab.size(), temperature, random);
    }

    /** Draws from {@code softmax(z / temperature)} over the {@code v} logits at {@code from}. */
    static int draw(float[] logits, int from, int v, double temperature, Random random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) max = Math.max(max, logits[from + i] / temperature);
        double[] p = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++) sum += p[i] = Math.exp(logits[from + i] / temperature - max);
        double u = random.nextDouble() * sum;
        for (int i = 0; i < v; i++) {
            u -= p[i];
            if (u < 0) return i;
        }
        return v - 1;
    }
}
