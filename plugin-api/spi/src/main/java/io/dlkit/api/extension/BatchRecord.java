package io.dlkit.api.extension;

import static java.util.Objects.requireNonNull;

/**
 * One input of a batch task: its id (a file path, a row number) and either the bytes of an image
 * file or a text.
 *
 * @param id how the record is named in the output
 * @param bytes the image file's bytes, or null for a text record
 * @param text the text, or null for an image record
 */
public record BatchRecord(String id, byte[] bytes, String text) {
    /** Checks that the id is given. */
    public BatchRecord {
        requireNonNull(id, "id is null");
    }

    /** An image record. */
    public static BatchRecord image(String id, byte[] bytes) {
        return new BatchRecord(id, requireNonNull(bytes, "bytes is null"), null);
    }

    /** A text record. */
    public static BatchRecord text(String id, String text) {
        return new BatchRecord(id, null, requireNonNull(text, "text is null"));
    }
}
