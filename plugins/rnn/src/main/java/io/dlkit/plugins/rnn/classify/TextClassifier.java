package io.dlkit.plugins.rnn.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.rnn.lm.SampleCommand;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The most probable class of each text under a model of {@code rnn classify-train}, as {@code dlkit
 * rnn classify} prints it and the step {@code rnn/classify} returns it. Class names come from the
 * model's {@code data/classes.json} (indices when it is missing).
 */
public final class TextClassifier {
    /**
     * One text's verdict.
     *
     * @param label the class name (or index)
     * @param probability its softmax probability
     * @param text the text
     */
    public record Prediction(String label, double probability, String text) {}

    private TextClassifier() {}

    /** Classifies {@code texts} with the model in {@code modelDir}. */
    public static List<Prediction> classify(ModelStore store, Path modelDir, List<String> texts) {
        List<String> classes = classes(modelDir);
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            WordVocabulary vocab = SampleCommand.words(model.description());
            if (vocab == null) {
                throw DlkitException.invalidInput(modelDir + ": not a text classifier (no words)");
            }
            int steps = (int) model.inputShape()[0];
            float[] p = model.predict(TextClassifierData.encode(texts, vocab, steps), texts.size());
            int k = model.outputs();
            List<Prediction> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int best = 0;
                for (int c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
                String name = best < classes.size() ? classes.get(best) : String.valueOf(best);
                out.add(new Prediction(name, p[i * k + best], texts.get(i)));
            }
            return out;
        }
    }

    /** The non-blank lines of a UTF-8 file: the texts of {@code --file}. */
    public static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw DlkitException.invalidInput(f + ": cannot read: " + e.getMessage());
        }
    }

    private static List<String> classes(Path modelDir) {
        Path f = modelDir.resolve("data").resolve("classes.json");
        try {
            return List.of(new ObjectMapper().readValue(f.toFile(), String[].class));
        } catch (IOException e) {
            return List.of();
        }
    }
}
