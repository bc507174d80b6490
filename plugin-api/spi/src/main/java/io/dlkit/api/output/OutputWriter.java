package io.dlkit.api.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes output files the dlkit way: to a temporary file in the same directory, then renamed into
 * place, so a reader never sees half a file; an existing file is replaced only when the user gave
 * {@code --overwrite} (otherwise a {@link io.dlkit.api.DlkitException} with exit code 2 says so).
 */
public interface OutputWriter {
    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    interface Content {
        /** Writes the content. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @return the path written
     */
    Path write(Path target, Content content);

    /** Writes a UTF-8 string atomically. */
    default Path writeString(Path target, String text) {
        return write(
                target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Throws the standard "exists, use --overwrite" error if {@code target} exists and may not be
     * replaced.
     */
    void checkWritable(Path target);
}
