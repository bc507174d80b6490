package io.dlkit.plugins.embeddings.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.nn.Layers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sentiment model directory holds besides dlkit's model: {@code sentiment.json} naming the
 * kind of model, its steps (0 for the average model) and the vectors file ({@code vectors.bin}) the
 * sentences are looked up in.
 *
 * @param model {@code average} or {@code lstm}
 * @param steps the LSTM's words per sentence; 0 for the average model
 */
public record SentimentSpec(String model, int steps) {
    /** The file in the model directory. */
    public static final String FILE = "sentiment.json";

    /** The vectors file in the model directory. */
    public static final String VECTORS = "vectors.bin";

    /** The classes, in output order. */
    public static final List<String> CLASSES = List.of("negative", "positive");

    /** Checks the model kind. */
    public SentimentSpec {
        if (!List.of("average", "lstm").contains(model)) {
            throw new IllegalArgumentException(
                    "--model must be average or lstm, got '" + model + "'");
        }
        if (model.equals("lstm") && steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (model.equals("average")) steps = 0;
    }

    /**
     * The model file: the average model is a softmax over the mean vector (the notes' first model);
     * the LSTM model reads the word vectors of the first {@code steps} words, padding skipped, and
     * its last state goes through dropout into the softmax.
     */
    public Map<String, Object> modelConfig(int dim, int units) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (model.equals("average")) {
            m.put("input_shape", List.of(dim));
            m.put("layers", List.of(Map.of("type", "dense", "units", 2, "activation", "softmax")));
            return m;
        }
        Layers.hint("lstm", "rnn");
        m.put("input_shape", List.of(steps, dim));
        m.put(
                "layers",
                List.of(
                        Map.of("type", "lstm", "units", units, "mask_padding", true),
                        Map.of("type", "dropout", "keep_prob", 0.5),
                        Map.of("type", "dense", "units", 2, "activation", "softmax")));
        return m;
    }

    /** {@code sentiment.json}'s content. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("steps", steps);
        m.put("classes", CLASSES);
        m.put("vectors", VECTORS);
        return m;
    }

    /** Reads {@code dir/sentiment.json}. */
    public static SentimentSpec read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(file));
            return new SentimentSpec(n.path("model").asText(), n.path("steps").asInt());
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(
                    dir
                            + ": no "
                            + FILE
                            + "; give a directory written by 'dlkit embed sentiment-train'");
        } catch (IOException | IllegalArgumentException e) {
            throw DlkitException.invalidInput(
                    file + ": unreadable (" + e.getMessage() + "); train the model again");
        }
    }
}
