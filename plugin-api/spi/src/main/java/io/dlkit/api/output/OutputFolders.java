package io.dlkit.api.output;

import io.dlkit.api.DlkitException;
import io.dlkit.api.FileKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the folder a command writes into ({@code --out DIR}), the same way for every command: it
 * is created with its parents if missing, and when it cannot be used the error (exit code 2) is one
 * line saying why: it is a file, a device, permission denied, or not a writable folder.
 */
public final class OutputFolders {
    private OutputFolders() {}

    /**
     * Creates {@code dir} if needed and checks that files can be created in it.
     *
     * @param option how the user named it, for the message ({@code "--out"}), or null
     * @return {@code dir}
     * @throws DlkitException (exit code 2) when it is not a folder that can be written
     */
    public static Path prepare(Path dir, String option) {
        String name = (option == null ? "" : option + " ") + dir;
        FileKind kind = FileKind.of(dir);
        if (kind != FileKind.FOLDER && kind != FileKind.MISSING) {
            throw DlkitException.invalidInput(
                    name + ": is " + kind.description() + ", not a folder; give a folder path");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw DlkitException.invalidInput(
                    name + ": a part of this path is a file, not a folder; give a folder path");
        } catch (IOException e) {
            throw unusable(name, e);
        }
        probe(dir, name);
        return dir;
    }

    /** Creates and deletes an empty file, so a read-only folder is found before any work. */
    private static void probe(Path dir, String name) {
        try {
            Path p = Files.createTempFile(dir, ".dlkit-", ".probe");
            Files.delete(p);
        } catch (IOException e) {
            throw unusable(name, e);
        }
    }

    private static DlkitException unusable(String name, IOException e) {
        if (e instanceof AccessDeniedException) {
            return DlkitException.invalidInput(
                    name + ": permission denied; choose a folder you can write to");
        }
        String reason =
                e instanceof FileSystemException f && f.getReason() != null
                        ? f.getReason()
                        : "the file system refuses new entries there";
        if (reason.equals("Not a directory")) {
            return DlkitException.invalidInput(
                    name + ": a part of this path is a file, not a folder; give a folder path");
        }
        return DlkitException.invalidInput(
                name + ": not a writable folder (" + reason + "); choose another folder");
    }
}
