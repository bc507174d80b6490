package io.dlkit.api;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What a path names on disk, for messages that say what is wrong with it ("is a FIFO (named pipe),
 * not a file") instead of "no such file". Symbolic links are followed; a loop or a dangling link is
 * a kind of its own.
 */
public enum FileKind {
    /** Nothing is there. */
    MISSING("nothing (no such file or folder)"),
    /** A regular file. */
    FILE("a file"),
    /** A directory. */
    FOLDER("a folder"),
    /** A named pipe: reading it waits for a writer. */
    FIFO("a FIFO (named pipe)"),
    /** A character device such as {@code /dev/null} or {@code /dev/zero}. */
    CHARACTER_DEVICE("a character device"),
    /** A block device (a disk). */
    BLOCK_DEVICE("a block device"),
    /** A Unix socket. */
    SOCKET("a socket"),
    /** A symbolic link that leads back to itself. */
    LINK_LOOP("a symbolic link loop"),
    /** A symbolic link to nothing. */
    DANGLING_LINK("a symbolic link to nothing"),
    /** Anything else. */
    OTHER("not a regular file");

    private static final int TYPE_MASK = 0170000;
    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** The kind as a phrase for messages: "a FIFO (named pipe)". */
    public String description() {
        return description;
    }

    /** Whether a reader may open it as an ordinary file (a regular file). */
    public boolean isRegularFile() {
        return this == FILE;
    }

    /** What {@code path} names, following symbolic links. Never throws. */
    public static FileKind of(Path path) {
        if (Files.isRegularFile(path)) return FILE;
        if (Files.isDirectory(path)) return FOLDER;
        if (!Files.exists(path)) return link(path);
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & TYPE_MASK;
            return switch (type) {
                case 0010000 -> FIFO;
                case 0020000 -> CHARACTER_DEVICE;
                case 0060000 -> BLOCK_DEVICE;
                case 0140000 -> SOCKET;
                default -> OTHER;
            };
        } catch (IOException | RuntimeException e) {
            return OTHER;
        }
    }

    private static FileKind link(Path path) {
        if (!Files.isSymbolicLink(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return MISSING;
        }
        try {
            path.toRealPath();
            return OTHER;
        } catch (NoSuchFileException e) {
            return DANGLING_LINK;
        } catch (FileSystemException e) {
            return LINK_LOOP;
        } catch (IOException e) {
            return OTHER;
        }
    }
}
