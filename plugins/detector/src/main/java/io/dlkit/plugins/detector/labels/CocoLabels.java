package io.dlkit.plugins.detector.labels;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * COCO instances JSON ({@code instances_val2017.json}): {@code images} ({@code id, file_name,
 * width, height}), {@code categories} ({@code id, name}) and {@code annotations} ({@code image_id,
 * category_id, bbox: [x, y, w, h]} in pixels, {@code iscrowd}). Classes are the categories sorted
 * by id; crowd annotations are kept as {@link LabeledBox#difficult()}. Each image, category and
 * annotation object is read with the line it starts on, so errors name it.
 */
public final class CocoLabels {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CocoLabels() {}

    /**
     * Reads an instances file: one record per image, in the order of {@code images}.
     *
     * @throws io.dlkit.api.DlkitException naming the file and line of malformed content
     */
    public static LabelSet read(Path file) throws IOException {
        requireNonNull(file, "file is null");
        CocoDocument doc = new CocoDocument(file);
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LabelErrors.at(
                        file, 1, "expected a JSON object", "give a COCO instances file");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "images", "categories", "annotations" -> readArray(p, field, doc);
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw LabelErrors.at(
                    file, line, "malformed JSON: " + e.getOriginalMessage(), "fix the JSON syntax");
        }
        return doc.toLabelSet();
    }

    private static void readArray(JsonParser p, String field, CocoDocument doc) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw LabelErrors.at(
                    doc.file,
                    p.currentTokenLocation().getLineNr(),
                    "'" + field + "' is not an array",
                    "write it as [ ... ]");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int line = p.currentTokenLocation().getLineNr();
            JsonNode node = p.readValueAsTree();
            switch (field) {
                case "images" -> doc.addImage(node, line);
                case "categories" -> doc.addCategory(node, line);
                default -> doc.addAnnotation(node, line);
            }
        }
    }
}
