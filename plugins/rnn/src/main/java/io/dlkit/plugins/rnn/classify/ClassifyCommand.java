package io.dlkit.plugins.rnn.classify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit rnn classify MODEL_DIR "some text" | --file LINES.txt}: one line per text, {@code
 * class<TAB>probability<TAB>text}, with a model from {@code rnn classify-train}.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = "Classify texts with a model from 'dlkit rnn classify-train'.")
public final class ClassifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A classify-train model.")
    Path modelDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "A text.")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Texts, one a line.")
    Path file;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public ClassifyCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if ((text == null) == (file == null)) {
            throw DlkitException.invalidInput(
                    "rnn classify: give a TEXT or --file FILE (one of them)");
        }
        List<String> texts = text != null ? List.of(text) : TextClassifier.lines(file);
        for (TextClassifier.Prediction p : TextClassifier.classify(store, modelDir, texts)) {
            ctx.out().printf("%s\t%.4f\t%s%n", p.label(), p.probability(), p.text());
        }
        ctx.out().flush();
        return 0;
    }
}
