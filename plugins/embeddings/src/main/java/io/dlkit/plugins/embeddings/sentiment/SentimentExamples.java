package io.dlkit.plugins.embeddings.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled sentences: a JSON array of {@code {"text": "...", "class": 0|1}} (the UCI "Sentiment
 * Labelled Sentences" as {@code ../shared/data/text/sentiment/*.json} hold them; 0 negative, 1
 * positive). Entries without a class or with an empty text are skipped, as the files' one empty
 * entry each.
 *
 * @param texts the sentences
 * @param labels their classes, 0 or 1
 */
public record SentimentExamples(List<String> texts, int[] labels) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads and concatenates the files. */
    public static SentimentExamples read(List<Path> files) {
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path file : files) {
            JsonNode root = parse(file);
            if (!root.isArray()) throw bad(file, "is not a JSON array");
            for (int i = 0; i < root.size(); i++) {
                JsonNode e = root.get(i);
                JsonNode c = e.get("class");
                String text = e.path("text").asText("");
                if (c == null || c.isNull() || text.isBlank()) continue;
                if (!c.canConvertToInt() || (c.asInt() != 0 && c.asInt() != 1)) {
                    throw bad(file, "[" + i + "].class: must be 0 or 1, got " + c);
                }
                texts.add(text);
                labels.add(c.asInt());
            }
        }
        if (texts.isEmpty()) {
            throw DlkitException.invalidInput(
                    "--data "
                            + files
                            + ": no labelled sentence; give [{\"text\": ..., \"class\": 0|1}]");
        }
        return new SentimentExamples(texts, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The number of sentences. */
    public int size() {
        return texts.size();
    }

    /**
     * A shuffled split: the last {@code fraction} of a permutation drawn from {@code seed} is held
     * out; the same seed gives the same split.
     *
     * @return {train, held out}
     */
    public SentimentExamples[] split(double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("--test-split must be in (0, 1), got " + fraction);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size(); i++) order.add(i);
        java.util.Collections.shuffle(order, new Random(seed));
        int cut = size() - (int) Math.round(size() * fraction);
        return new SentimentExamples[] {
            pick(order.subList(0, cut)), pick(order.subList(cut, size()))
        };
    }

    private SentimentExamples pick(List<Integer> rows) {
        List<String> t = new ArrayList<>();
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            t.add(texts.get(rows.get(i)));
            y[i] = labels[rows.get(i)];
        }
        return new SentimentExamples(t, y);
    }

    private static JsonNode parse(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput("--data " + file + ": no such file");
        } catch (IOException e) {
            throw bad(file, "is not valid JSON (" + e.getMessage().split("\n")[0] + ")");
        }
    }

    private static DlkitException bad(Path file, String what) {
        return DlkitException.invalidInput(
                "--data " + file + ": " + what + "; give [{\"text\": ..., \"class\": 0|1}]");
    }
}
