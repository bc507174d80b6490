package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import java.util.List;

/**
 * Text drawn from a language model of {@code rnn train}, as {@code dlkit rnn sample} and the step
 * {@code rnn/sample} print it: for a character model one text, {@code length} characters after
 * {@code prime} (shown before them unless it is the default newline); for a word model {@code
 * lines} lines of at most {@code length} words ({@link WordSampler}).
 *
 * @param prime the text to start from ({@code "\n"}: the start of a line)
 * @param length characters, or words per line, to draw, in [1, 1000000]
 * @param temperature the softmax temperature
 * @param lines word models: the lines to draw, in [1, 100000]
 * @param seed the random seed
 */
public record LmSampling(String prime, int length, double temperature, int lines, long seed) {
    /** Checks the sizes (exit code 2 when out of range). */
    public LmSampling {
        if (length < 1 || length > 1_000_000) {
            throw DlkitException.invalidInput("--length must be in [1, 1000000], got " + length);
        }
        if (lines < 1 || lines > 100_000) {
            throw DlkitException.invalidInput("--n must be in [1, 100000], got " + lines);
        }
    }

    /** The sampled lines: one text for a character model, {@code lines} for a word model. */
    public List<String> draw(ModelStore.LoadedModel model) {
        int steps = (int) model.inputShape()[0];
        WordVocabulary words = SampleCommand.words(model.description());
        if (words != null) {
            WordSampler sampler = new WordSampler(w -> model.predict(w, 1), words, steps);
            String start = prime.equals("\n") ? "" : prime;
            return sampler.sample(start, lines, length, temperature, seed);
        }
        CharVocabulary vocab = SampleCommand.vocabulary(model.description());
        CharSampler sampler = new CharSampler(w -> model.predict(w, 1), vocab, steps);
        String text = sampler.sample(prime, length, temperature, seed);
        return List.of(prime.equals("\n") ? text : prime + text);
    }
}
