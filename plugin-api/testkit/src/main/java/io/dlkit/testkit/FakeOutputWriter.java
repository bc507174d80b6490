package io.dlkit.testkit;

import io.dlkit.api.DlkitException;
import io.dlkit.api.output.OutputWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link OutputWriter} for tests: creates missing folders and writes through a temporary file
 * and a rename like dlkit's, refuses to replace a file unless overwriting, and records every path
 * it wrote.
 */
public final class FakeOutputWriter implements OutputWriter {
    private final boolean overwrite;
    private final List<Path> written = new ArrayList<>();

    /** A writer that replaces existing files only when {@code overwrite}. */
    public FakeOutputWriter(boolean overwrite) {
        this.overwrite = overwrite;
    }

    /** The paths written, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }

    @Override
    public Path write(Path target, Content content) {
        checkWritable(target);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            if (target.toAbsolutePath().getParent() != null)
                Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(target);
        return target;
    }

    @Override
    public void checkWritable(Path target) {
        if (Files.exists(target) && !overwrite) {
            throw DlkitException.invalidInput(
                    target + " already exists; pass --overwrite to replace it");
        }
    }
}
