package io.dlkit.cli.output;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.FileKind;
import io.dlkit.api.output.OutputFolders;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The one {@link OutputWriter}: writes through {@link AtomicFiles} (temp file beside the target,
 * fsync, rename), refuses to replace a file that existed before this invocation without {@code
 * --overwrite}, and never replaces a folder, a device or a FIFO.
 */
public final class AtomicOutputWriter implements OutputWriter {
    private final BooleanSupplier overwrite;
    private final Set<Path> own = ConcurrentHashMap.newKeySet();

    /** A writer that may replace existing files when {@code overwrite} says so at write time. */
    public AtomicOutputWriter(BooleanSupplier overwrite) {
        this.overwrite = overwrite;
    }

    @Override
    public Path write(Path target, Content content) {
        checkWritable(target);
        Path file = key(target);
        OutputFolders.prepare(file.getParent(), null);
        try {
            AtomicFiles.write(file, content::writeTo);
        } catch (AccessDeniedException e) {
            throw new DlkitException(
                    ExitCode.USAGE, "cannot write " + target + ": permission denied", e);
        } catch (FileSystemException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "cannot write " + target + ": " + (e.getReason() == null ? e : e.getReason()),
                    e);
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED, "cannot write " + target + ": " + e.getMessage(), e);
        }
        own.add(file);
        return target;
    }

    @Override
    public void checkWritable(Path target) {
        FileKind kind = FileKind.of(target);
        if (kind == FileKind.MISSING || kind == FileKind.DANGLING_LINK) return;
        if (!kind.isRegularFile()) {
            throw DlkitException.invalidInput(
                    target + " is " + kind.description() + "; give a file path to write");
        }
        if (!overwrite.getAsBoolean() && !own.contains(key(target))) {
            throw DlkitException.invalidInput(
                    target
                            + " already exists; pass --overwrite to replace it or choose another path");
        }
    }

    @Override
    public void claim(Path target) {
        own.add(key(target));
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
