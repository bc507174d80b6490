package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Files downloaded from a folder URL: {@code base + path}. */
record HttpsSource(URI base) implements ModelSource {
    @Override
    public void fetch(List<CatalogEntry.FileSpec> files, Path staging, FetchSettings settings)
            throws IOException {
        HttpClient http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        for (CatalogEntry.FileSpec f : files) {
            URI uri = base.resolve(f.path());
            try {
                HttpResponse<Path> r =
                        http.send(
                                HttpRequest.newBuilder(uri).GET().build(),
                                HttpResponse.BodyHandlers.ofFile(staging.resolve(f.path())));
                if (r.statusCode() != 200) {
                    throw new DlkitException(
                            ExitCode.BACKEND,
                            uri
                                    + " answered HTTP "
                                    + r.statusCode()
                                    + "; download it by hand and use dlkit models import");
                }
            } catch (IOException e) {
                throw new DlkitException(
                        ExitCode.BACKEND,
                        "cannot download "
                                + uri
                                + ": "
                                + e
                                + "; download it by hand and use dlkit models import",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            }
        }
    }

    @Override
    public String describe(CatalogEntry.FileSpec file) {
        return base.resolve(file.path()).toString();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
