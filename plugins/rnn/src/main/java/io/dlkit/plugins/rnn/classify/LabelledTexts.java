package io.dlkit.plugins.rnn.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Texts with class labels from a JSON file: an array of objects, each with a text field and a label
 * field (named by the user); entries that are null or lack either field are skipped and counted.
 *
 * @param texts the texts
 * @param labels each text's label, as text ({@code 0}, {@code "pos"})
 * @param skipped entries skipped
 */
public record LabelledTexts(List<String> texts, List<String> labels, int skipped) {
    /** Reads {@code file}. */
    public static LabelledTexts read(Path file, String textField, String labelField) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw DlkitException.invalidInput(file + ": no such file");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    file
                            + ": not a JSON file ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + ")");
        }
        if (root == null || !root.isArray()) {
            throw DlkitException.invalidInput(
                    file
                            + ": expected a JSON array of {\""
                            + textField
                            + "\": ..., \""
                            + labelField
                            + "\": ...}");
        }
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int skipped = 0;
        for (JsonNode n : root) {
            JsonNode t = n == null ? null : n.get(textField);
            JsonNode l = n == null ? null : n.get(labelField);
            if (t == null || l == null || t.isNull() || l.isNull() || !t.isTextual()) {
                skipped++;
                continue;
            }
            texts.add(t.asText());
            labels.add(l.asText());
        }
        if (texts.isEmpty()) {
            throw DlkitException.invalidInput(
                    file
                            + ": no entry has both \""
                            + textField
                            + "\" and \""
                            + labelField
                            + "\"; set --text-field and --label-field");
        }
        return new LabelledTexts(List.copyOf(texts), List.copyOf(labels), skipped);
    }

    /** The entries of both, this one's first. */
    public LabelledTexts plus(LabelledTexts other) {
        List<String> t = new ArrayList<>(texts);
        t.addAll(other.texts);
        List<String> l = new ArrayList<>(labels);
        l.addAll(other.labels);
        return new LabelledTexts(t, l, skipped + other.skipped);
    }

    /** The number of entries. */
    public int size() {
        return texts.size();
    }
}
