package io.dlkit.backend.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Checks a path a user named before a reader opens it, so that a FIFO with no writer, a device such
 * as {@code /dev/zero}, a socket, a directory, a symbolic link loop or an unreadable file fails at
 * once with one line instead of hanging, reading forever or naming an internal exception.
 *
 * <pre>{@code
 * InputFiles.requireRegularFile(path, "a CSV file");   // before Files.newBufferedReader(path)
 * }</pre>
 *
 * <p>Symbolic links are followed: a link to a regular file is a regular file.
 */
public final class InputFiles {
    // The file-type bits of st_mode (see stat(2)), read through the "unix" attribute view.
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;
    private static final String MISSING = "no such file";

    private InputFiles() {}

    /**
     * Refuses anything at {@code path} but a readable regular file.
     *
     * @param what what the caller expects, for the message, e.g. {@code "a CSV file"}
     * @throws NoSuchFileException if nothing is at the path (its message is the path)
     * @throws DataFormatException if the path is a directory, a FIFO, a device, a socket, a broken
     *     symbolic link or a link loop, or cannot be read; the message is one line such as {@code
     *     "data.csv: is a FIFO, not a regular file; give a CSV file"}
     */
    public static void requireRegularFile(Path path, String what) throws NoSuchFileException {
        requireNonNull(path, "path is null");
        requireNonNull(what, "what is null");
        Optional<String> problem = problem(path, what);
        if (problem.isPresent()) {
            if (problem.get().equals(MISSING)) {
                throw new NoSuchFileException(path.toString());
            }
            throw new DataFormatException(path + ": " + problem.get());
        }
    }

    /**
     * What is wrong with {@code path} as an input file, without the path: {@code "no such file"},
     * {@code "is a FIFO, not a regular file; give a CSV file"}, ...; empty if it is a readable
     * regular file. For callers that report problems their own way (a pipeline file's loader).
     */
    public static Optional<String> problem(Path path, String what) {
        requireNonNull(path, "path is null");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.of(Files.isSymbolicLink(path) ? brokenLink(path) : MISSING);
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied");
        } catch (FileSystemException e) {
            // ELOOP: "Too many levels of symbolic links"; other reasons are passed on as they are.
            return Optional.of(
                    Files.isSymbolicLink(path)
                            ? "is a symbolic link loop; point it at a real file"
                            : "cannot read: " + e.getReason());
        } catch (IOException e) {
            return Optional.of("cannot read: " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            return Optional.of("is a directory, not a file; give " + what);
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("is " + kind(path) + ", not a regular file; give " + what);
        }
        if (!Files.isReadable(path)) {
            return Optional.of("permission denied");
        }
        return Optional.empty();
    }

    private static String brokenLink(Path path) {
        try {
            return "is a broken symbolic link (to "
                    + Files.readSymbolicLink(path)
                    + "); point it at a real file";
        } catch (IOException e) {
            return "is a broken symbolic link; point it at a real file";
        }
    }

    /** "a FIFO", "a character device", ...; "not a regular file" where the OS does not say. */
    private static String kind(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", new LinkOption[0]);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a device, FIFO or socket";
        }
        return switch (mode & S_IFMT) {
            case S_IFIFO -> "a FIFO";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "a special file";
        };
    }
}
