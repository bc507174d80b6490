package io.dlkit.plugins.rnn.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.rnn.lm.SampleCommand;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        List<String> texts = text != null ? List.of(text) : lines(file);
        List<String> classes = classes();
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            WordVocabulary vocab = SampleCommand.words(model.description());
            if (vocab == null) {
                throw DlkitException.invalidInput(modelDir + ": not a text classifier (no words)");
            }
            int steps = (int) model.inputShape()[0];
            float[] p = model.predict(TextClassifierData.encode(texts, vocab, steps), texts.size());
            int k = model.outputs();
            for (int i = 0; i < texts.size(); i++) {
                int best = 0;
                for (int c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
                String name = best < classes.size() ? classes.get(best) : String.valueOf(best);
                ctx.out().printf("%s\t%.4f\t%s%n", name, p[i * k + best], texts.get(i));
            }
            ctx.out().flush();
            return 0;
        }
    }

    private List<String> classes() {
        Path f = modelDir.resolve("data").resolve("classes.json");
        try {
            return List.of(new ObjectMapper().readValue(f.toFile(), String[].class));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw DlkitException.invalidInput(f + ": cannot read: " + e.getMessage());
        }
    }
}
