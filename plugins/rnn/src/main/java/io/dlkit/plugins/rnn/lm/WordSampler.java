package io.dlkit.plugins.rnn.lm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Samples lines from a word language model as the notes describe: each line starts after an {@code
 * </s>} (or the prime's words), every next word is drawn from {@code softmax(z / temperature)} of
 * the last step, an {@code <unk>} is drawn again, and the line ends at {@code </s>} or after {@code
 * maxWords}. The model sees the last {@code steps} words from a zero state, as {@link CharSampler}
 * does.
 */
public final class WordSampler {
    private static final int MAX_REDRAWS = 100;

    private final CharSampler.Logits model;
    private final WordVocabulary vocab;
    private final int steps;

    /** A sampler over {@code model}, which takes windows of {@code steps} ids. */
    public WordSampler(CharSampler.Logits model, WordVocabulary vocab, int steps) {
        this.model = requireNonNull(model, "model is null");
        this.vocab = requireNonNull(vocab, "vocab is null");
        this.steps = steps;
    }

    /**
     * {@code lines} lines, each following {@code prime} (may be empty), drawn with {@code seed}.
     */
    public List<String> sample(
            String prime, int lines, int maxWords, double temperature, long seed) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("--temperature must be > 0, got " + temperature);
        }
        List<String> primeTokens = WordVocabulary.tokenize(prime);
        if (!primeTokens.isEmpty()) primeTokens = primeTokens.subList(0, primeTokens.size() - 1);
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int l = 0; l < lines; l++) {
            List<Integer> ids = new ArrayList<>();
            ids.add(1);
            for (int id : vocab.encode(primeTokens)) ids.add(id);
            StringBuilder line = new StringBuilder(String.join(" ", primeTokens));
            for (int n = 0; n < maxWords; n++) {
                int next = next(ids, temperature, random);
                if (next == 1) break;
                ids.add(next);
                if (line.length() > 0) line.append(' ');
                line.append(vocab.decode(next));
            }
            out.add(line.toString());
        }
        return out;
    }

    private int next(List<Integer> ids, double temperature, Random random) {
        int k = Math.min(ids.size(), steps);
        float[] window = new float[steps];
        for (int t = 0; t < k; t++) window[t] = ids.get(ids.size() - k + t);
        float[] logits = model.of(window);
        int v = vocab.size();
        for (int tries = 0; tries < MAX_REDRAWS; tries++) {
            int id = CharSampler.draw(logits, (k - 1) * v, v, temperature, random);
            if (id != 0) return id;
        }
        return 1;
    }
}
