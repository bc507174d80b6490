package io.dlkit.cli.output;

import io.dlkit.api.DlkitException;
import io.dlkit.api.output.OutputWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;

/** Writes to a temporary file beside the target, then renames it into place. */
public final class AtomicOutputWriter implements OutputWriter {
    private final BooleanSupplier overwrite;

    /** A writer that may replace existing files when {@code overwrite} says so at write time. */
    public AtomicOutputWriter(BooleanSupplier overwrite) {
        this.overwrite = overwrite;
    }

    @Override
    public Path write(Path target, Content content) {
        checkWritable(target);
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            move(tmp, abs);
            return target;
        } catch (IOException e) {
            throw new DlkitException(
                    io.dlkit.api.ExitCode.FAILED, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public void checkWritable(Path target) {
        if (Files.exists(target) && !overwrite.getAsBoolean()) {
            throw DlkitException.invalidInput(
                    target + " already exists; pass --overwrite to replace it or choose another path");
        }
        if (Files.isDirectory(target)) {
            throw DlkitException.invalidInput(target + " is a directory; give a file path");
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the temp file is hidden and harmless; nothing better to do
        }
    }
}
