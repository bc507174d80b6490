package io.dlkit.api.extension;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The outputs of one record.
 *
 * @param output a JSON-able map (strings, numbers, booleans, lists, maps, float arrays), the same
 *     fields as the plugin's one-by-one command prints with {@code --format json}
 * @param count how many things were found: detections, faces, classes listed, words looked up
 */
public record BatchResult(Map<String, Object> output, int count) {
    /** Checks that the output is given. */
    public BatchResult {
        requireNonNull(output, "output is null");
    }
}
