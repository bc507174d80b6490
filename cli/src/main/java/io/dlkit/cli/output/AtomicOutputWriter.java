package io.dlkit.cli.output;

import io.dlkit.api.DlkitException;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Writes through {@link AtomicFiles} (temp file beside the target, fsync, rename), refusing to
 * replace without {@code --overwrite}.
 */
public final class AtomicOutputWriter implements OutputWriter {
    private final BooleanSupplier overwrite;

    /** A writer that may replace existing files when {@code overwrite} says so at write time. */
    public AtomicOutputWriter(BooleanSupplier overwrite) {
        this.overwrite = overwrite;
    }

    @Override
    public Path write(Path target, Content content) {
        checkWritable(target);
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            AtomicFiles.write(target, content::writeTo);
            return target;
        } catch (IOException e) {
            throw new DlkitException(
                    io.dlkit.api.ExitCode.FAILED,
                    "cannot write " + target + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void checkWritable(Path target) {
        if (Files.exists(target) && !overwrite.getAsBoolean()) {
            throw DlkitException.invalidInput(
                    target
                            + " already exists; pass --overwrite to replace it or choose another path");
        }
        if (Files.isDirectory(target)) {
            throw DlkitException.invalidInput(target + " is a directory; give a file path");
        }
    }
}
