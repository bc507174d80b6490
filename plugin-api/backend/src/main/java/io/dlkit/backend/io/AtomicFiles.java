package io.dlkit.backend.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's own
 * directory, is flushed to disk, and is then renamed over the target. Readers see the old file or
 * the complete new one, never half a file, and a failed write leaves the old file untouched and no
 * temporary file behind. The new file gets the ordinary permissions of a newly created file.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("out/report.json"), out -> out.write(json));
 * }</pre>
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file's whole content to a stream; the stream is closed by {@link AtomicFiles}. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} with what {@code content} writes, atomically.
     *
     * @throws NoSuchFileException if the target's directory does not exist
     * @throws IOException if writing or renaming fails; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        requireNonNull(target, "target is null");
        requireNonNull(content, "content is null");
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(
                    dir.toString(), null, "the output directory does not exist; create it first");
        }
        Path tmp =
                dir.resolve(
                        "."
                                + file.getFileName()
                                + "."
                                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                                + ".tmp");
        try {
            writeAndSync(tmp, content);
            move(tmp, file);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        requireNonNull(bytes, "bytes is null");
        write(target, out -> out.write(bytes));
    }

    private static void writeAndSync(Path tmp, Content content) throws IOException {
        // CREATE_NEW rather than Files.createTempFile, which would make the file owner-only.
        try (FileChannel ch =
                FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(
                    tmp,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network mounts) cannot rename atomically; still replace.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
