package io.dlkit.api.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes output files the dlkit way, the one way every command and step writes: to a temporary file
 * in the same directory, then renamed into place, so a reader never sees half a file; a file that
 * existed before this invocation is replaced only when the user gave {@code --overwrite} (otherwise
 * a {@link io.dlkit.api.DlkitException} with exit code 2 says so), while a file this invocation
 * wrote may be rewritten (a metrics log after every epoch). Devices, FIFOs and folders are never
 * replaced. Messages name the target, never the temporary file.
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

    /**
     * Marks an existing file as this invocation's own, so that later writes may replace it without
     * {@code --overwrite}: a resumed training continuing the metrics log of its model directory.
     */
    default void claim(Path target) {}

    /**
     * Creates the output folder {@code dir} (with its parents) or throws one line saying why it
     * cannot be used (see {@link OutputFolders#prepare}).
     *
     * @param option how the user gave it, for the message ({@code "--out"}), or null
     */
    default Path prepareFolder(Path dir, String option) {
        return OutputFolders.prepare(dir, option);
    }
}
