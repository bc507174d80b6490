package io.dlkit.plugins.rnn.lm;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A character model's held-out score on a text: the mean cross-entropy of predicting each character
 * from those before it, in nats ({@code loss}), as perplexity {@code e^loss} and in bits per
 * character {@code loss / ln 2}. The model reads windows of its {@code steps} from a zero state;
 * they overlap by half, so that every character after the first window is predicted after at least
 * {@code steps / 2} characters of context ({@link CharSequences#withContext}), as {@code rnn
 * train}'s validation scores them.
 */
public final class CharEvaluation {
    /** The model's logits for {@code rows} windows: {@code [rows, steps, vocab]}, row-major. */
    @FunctionalInterface
    public interface BatchLogits {
        float[] of(float[] windows, int rows);
    }

    /**
     * The score.
     *
     * @param characters the number of predicted characters
     * @param loss the mean cross-entropy in nats
     */
    public record Score(long characters, double loss) {
        /** {@code e^loss}. */
        public double perplexity() {
            return Math.exp(loss);
        }

        /** {@code loss / ln 2}. */
        public double bitsPerChar() {
            return loss / Math.log(2);
        }
    }

    private static final int BATCH = 64;

    private final BatchLogits model;
    private final CharVocabulary vocab;
    private final int vocabSize;
    private final int steps;

    /** An evaluation of {@code model}, which takes windows of {@code steps} ids. */
    public CharEvaluation(BatchLogits model, CharVocabulary vocab, int steps) {
        this.model = requireNonNull(model, "model is null");
        this.vocab = requireNonNull(vocab, "vocab is null");
        this.vocabSize = vocab.size();
        this.steps = steps;
    }

    /**
     * An evaluation of any token model ({@code vocabSize} ids), scored with {@link #score(int[])}.
     */
    public CharEvaluation(BatchLogits model, int vocabSize, int steps) {
        this.model = requireNonNull(model, "model is null");
        this.vocab = null;
        this.vocabSize = vocabSize;
        this.steps = steps;
    }

    /** Scores {@code text} (every character must be in the vocabulary). */
    public Score score(String text) {
        if (vocab == null) throw new IllegalStateException("no character vocabulary");
        return score(vocab.encode(text));
    }

    /** Scores the token ids {@code ids}: each predicted from those before it. */
    public Score score(int[] ids) {
        CharSequences s = CharSequences.withContext(ids, steps, steps / 2);
        int v = vocabSize;
        double sum = 0;
        long count = 0;
        for (int from = 0; from < s.size(); from += BATCH) {
            int rows = Math.min(BATCH, s.size() - from);
            float[] x = Arrays.copyOfRange(s.x(), from * steps, (from + rows) * steps);
            float[] z = model.of(x, rows);
            for (int i = 0; i < rows * steps; i++) {
                int target = (int) s.y()[from * steps + i];
                if (target < 0) continue;
                sum += crossEntropy(z, i * v, v, target);
                count++;
            }
        }
        return new Score(count, sum / count);
    }

    /** {@code -log softmax(z)[target]} over the {@code v} logits at {@code from}, stably. */
    static double crossEntropy(float[] z, int from, int v, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < v; k++) max = Math.max(max, z[from + k]);
        double sum = 0;
        for (int k = 0; k < v; k++) sum += Math.exp(z[from + k] - max);
        return Math.log(sum) + max - z[from + target];
    }
}
