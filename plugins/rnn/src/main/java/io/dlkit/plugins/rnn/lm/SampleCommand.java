package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit rnn sample MODEL_DIR [--length 200] [--temperature 1] [--prime TEXT]}: prints {@code
 * length} characters a character language model draws after {@code prime} (default a newline, the
 * start of a line). The vocabulary is the model's embedding layer's {@code tokens}. For a word
 * model ({@code words}), {@code --n} lines of at most {@code length} words ({@link WordSampler}).
 */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description =
                "Print text sampled from a language model (rnn train): characters, or lines of words.")
public final class SampleCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A trained model directory.")
    Path modelDir;

    @Option(names = "--length", defaultValue = "200", description = "Characters to draw (200).")
    int length;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Softmax temperature.")
    double temperature;

    @Option(names = "--prime", defaultValue = "\n", description = "Text to start from.")
    String prime;

    @Option(names = "--n", defaultValue = "5", description = "Word models: lines to draw (5).")
    int lines;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public SampleCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        LmSampling sampling =
                new LmSampling(prime, length, temperature, lines, ctx.settings().seed());
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            sampling.draw(model).forEach(ctx.out()::println);
            ctx.out().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn sample: " + e.getMessage());
        }
    }

    /** A word model's vocabulary (its embedding layer's {@code words}), or null. */
    public static WordVocabulary words(Map<?, ?> description) {
        if (description.get("model") instanceof Map<?, ?> model) return words(model);
        if (description.get("layers") instanceof List<?> layers) {
            for (Object l : layers) {
                if (l instanceof Map<?, ?> m
                        && "embedding".equals(m.get("type"))
                        && m.get("words") instanceof List<?> w) {
                    return new WordVocabulary(w.stream().map(String::valueOf).toList());
                }
            }
        }
        return null;
    }

    /** The tokens of the model's embedding layer (model.yaml: {@code model: {layers: [...]}}). */
    static CharVocabulary vocabulary(Map<?, ?> description) {
        if (description.get("model") instanceof Map<?, ?> model) return vocabulary(model);
        if (description.get("layers") instanceof List<?> layers) {
            for (Object l : layers) {
                if (l instanceof Map<?, ?> m
                        && "embedding".equals(m.get("type"))
                        && m.get("tokens") instanceof String tokens) {
                    return new CharVocabulary(tokens);
                }
            }
        }
        throw new IllegalArgumentException(
                "the model has no embedding layer with tokens; train it with 'dlkit rnn"
                        + " train-chars' or give its embedding layer 'tokens'");
    }
}
