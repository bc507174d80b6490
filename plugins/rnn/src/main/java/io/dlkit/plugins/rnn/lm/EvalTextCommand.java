package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.CommandContext;
import io.dlkit.api.model.ModelStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit rnn eval MODEL_DIR --text FILE}: a language model's cross-entropy on a text, with
 * its perplexity and bits per character (or word) ({@link LmEvaluation}).
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Perplexity and bits per character of a character model on a text file.")
public final class EvalTextCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A trained model directory.")
    Path modelDir;

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text.")
    Path text;

    @Option(
            names = "--window",
            defaultValue = "0",
            description =
                    "Read windows of N tokens, each scored after N/2 of context (0: the model's T).")
    int window;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public EvalTextCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        LmEvaluation.score(store, modelDir, text, window)
                .metrics()
                .forEach(
                        (k, v) ->
                                ctx.out()
                                        .println(
                                                v instanceof Double d
                                                        ? String.format(
                                                                Locale.ROOT, "%s: %.4f", k, d)
                                                        : k + ": " + v));
        ctx.out().flush();
        return 0;
    }
}
