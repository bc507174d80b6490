package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * Files downloaded from a folder URL: {@code base + path}.
 *
 * @param base the folder URL, ending in {@code /}
 * @param ssl the TLS context to trust servers with, or null for the JDK's default trust store
 * @param stall how long a download may receive nothing before it fails
 */
record HttpsSource(URI base, SSLContext ssl, Duration stall) implements ModelSource {
    /** How long a download may receive nothing (headers, then body) before it is given up. */
    static final Duration STALL = Duration.ofSeconds(60);

    /** A source trusting what the JDK trusts. */
    HttpsSource(URI base) {
        this(base, null, STALL);
    }

    @Override
    public void fetch(List<CatalogEntry.FileSpec> files, Path staging, FetchSettings settings)
            throws IOException {
        HttpClient.Builder b =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(20))
                        .followRedirects(HttpClient.Redirect.NORMAL);
        if (ssl != null) b.sslContext(ssl);
        HttpClient http = b.build();
        for (CatalogEntry.FileSpec f : files) {
            URI uri = base.resolve(f.path());
            try {
                HttpResponse<Path> r = download(http, uri, staging.resolve(f.path()));
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
                                + reason(e)
                                + "; download it by hand and use dlkit models import",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            }
        }
    }

    /**
     * Downloads {@code uri} into {@code target}. Waiting for the response headers is bounded by the
     * request timeout ({@link #STALL}); once they are in, the download fails when no byte arrives
     * for {@link #stall} (HttpClient itself would wait forever on a server that stops sending
     * mid-body).
     */
    private HttpResponse<Path> download(HttpClient http, URI uri, Path target)
            throws IOException, InterruptedException {
        AtomicLong headersAt = new AtomicLong();
        HttpResponse.BodyHandler<Path> toFile =
                info -> {
                    headersAt.set(System.nanoTime());
                    return HttpResponse.BodyHandlers.ofFile(target).apply(info);
                };
        CompletableFuture<HttpResponse<Path>> f =
                http.sendAsync(HttpRequest.newBuilder(uri).timeout(STALL).GET().build(), toFile);
        long seen = -1;
        long since = 0;
        long poll = Math.max(50, Math.min(1000, stall.toMillis() / 4));
        while (true) {
            try {
                return f.get(poll, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                throw new IOException(e.getCause());
            } catch (TimeoutException e) {
                if (headersAt.get() == 0) continue; // the request timeout covers this wait
                long size = Files.exists(target) ? Files.size(target) : 0;
                if (size != seen) {
                    seen = size;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since > stall.toNanos()) {
                    f.cancel(true);
                    throw new IOException(
                            "nothing received for "
                                    + (stall.toMillis() % 1000 == 0
                                            ? stall.toSeconds() + " s"
                                            : stall.toMillis() + " ms")
                                    + " after "
                                    + size
                                    + " bytes");
                }
            }
        }
    }

    /** The exception's type and the first line of its message. */
    private static String reason(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof javax.net.ssl.SSLHandshakeException) {
            return "its TLS certificate is not trusted (" + m + ")";
        }
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
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
