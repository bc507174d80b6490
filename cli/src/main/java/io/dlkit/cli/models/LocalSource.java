package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files copied from a local folder. */
record LocalSource(Path folder) implements ModelSource {
    @Override
    public void fetch(List<CatalogEntry.FileSpec> files, Path staging, FetchSettings settings)
            throws IOException {
        for (CatalogEntry.FileSpec f : files) {
            Path from = folder.resolve(f.path());
            if (!Files.isRegularFile(from)) {
                throw DlkitException.invalidInput(
                        from
                                + " does not exist; the catalog's source"
                                + " folder must hold "
                                + f.path());
            }
            Files.copy(from, staging.resolve(f.path()));
        }
    }

    @Override
    public String describe(CatalogEntry.FileSpec file) {
        return folder.resolve(file.path()).toString();
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
