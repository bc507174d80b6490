package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.rnn.classify.TextClassifier;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit rnn translate MODEL_DIR "text" | --file LINES.txt | --pairs FILE.tsv [--beam K]}:
 * decodes with a model from {@code seq2seq-train}, greedy by default; with {@code --pairs}, also
 * prints the exact-match accuracy against the targets ({@link Translator}).
 */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = "Translate with an encoder-decoder from 'dlkit rnn seq2seq-train'.")
public final class TranslateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A seq2seq-train model.")
    Path modelDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "A text.")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Texts, one a line.")
    Path file;

    @Option(names = "--pairs", paramLabel = "FILE.tsv", description = "Pairs: translate and score.")
    Path pairs;

    @Option(names = "--beam", defaultValue = "1", description = "Beam width; 1 = greedy (1).")
    int beam;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public TranslateCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        int given = (text != null ? 1 : 0) + (file != null ? 1 : 0) + (pairs != null ? 1 : 0);
        if (given != 1)
            throw DlkitException.invalidInput("rnn translate: give one of TEXT, --file, --pairs");
        List<String[]> scored = pairs != null ? Pairs.read(pairs) : null;
        List<String> sources =
                text != null
                        ? List.of(text)
                        : scored != null
                                ? scored.stream().map(p -> p[0]).toList()
                                : TextClassifier.lines(file);
        List<String> out = Translator.translate(store, modelDir, sources, beam);
        for (int i = 0; i < sources.size(); i++) {
            ctx.out().println(text != null ? out.get(i) : sources.get(i) + "\t" + out.get(i));
        }
        if (scored != null) {
            int hits = Translator.exactMatches(out, scored);
            ctx.out()
                    .printf(
                            "exact_match: %.4f (%d of %d)%n",
                            hits / (double) sources.size(), hits, sources.size());
        }
        ctx.out().flush();
        return 0;
    }
}
