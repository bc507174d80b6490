package io.dlkit.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls from a local HTTPS server (JDK HttpsServer, a self-signed key made by the JDK's keytool at
 * test time, trusted by this test's client only): a good pull verifies SHA-256 and lands in the
 * cache; a 404, a truncated file, a body that stops coming, a checksum mismatch and an untrusted
 * certificate are one-line errors with exit 4 and leave nothing in the cache.
 */
class HttpsSourceTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final byte[] JSON = "{\"weights\": 1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BIN = new byte[4096];

    @TempDir static Path keys;
    @TempDir Path dir;
    private static HttpsServer server;
    private static SSLContext trusting;
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startServer() throws Exception {
        for (int i = 0; i < BIN.length; i++) BIN[i] = (byte) (i * 31);
        Path store = keys.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p =
                new ProcessBuilder(
                                keytool,
                                "-genkeypair",
                                "-alias",
                                "server",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-validity",
                                "1",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=ip:127.0.0.1",
                                "-keystore",
                                store.toString(),
                                "-storetype",
                                "PKCS12",
                                "-storepass",
                                "changeit",
                                "-keypass",
                                "changeit")
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        SSLContext serverSsl = SSLContext.getInstance("TLS");
        serverSsl.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverSsl));
        serve("/good/", BIN, BIN.length);
        serve("/short/", java.util.Arrays.copyOf(BIN, 2048), 2048); // a truncated file
        serve("/stall/", BIN, BIN.length * 2L); // says 8192 bytes, sends 4096, then nothing
        byte[] altered = BIN.clone();
        altered[7] ^= 1;
        serve("/altered/", altered, altered.length);
        server.start();
    }

    private static void serve(String folder, byte[] bin, long declared) {
        server.createContext(
                folder,
                x -> {
                    String name = x.getRequestURI().getPath().substring(folder.length());
                    byte[] body = name.equals("a.json") ? JSON : bin;
                    long length = name.equals("a.json") ? JSON.length : declared;
                    x.sendResponseHeaders(200, length);
                    try (OutputStream o = x.getResponseBody()) {
                        o.write(body);
                    } catch (java.io.IOException e) {
                        // the short body: the server closes the connection early on purpose
                    }
                });
    }

    @AfterAll
    static void stopServer() {
        if (server != null) server.stop(0);
    }

    private CatalogEntry entry() throws Exception {
        return new CatalogEntry(
                "tiny",
                "test",
                "tfjs-graph",
                "https://example.invalid/",
                "a.json",
                "MIT",
                "u",
                "in",
                "out",
                null,
                List.of(
                        new CatalogEntry.FileSpec("a.json", JSON.length, FakeNpm.sha(JSON)),
                        new CatalogEntry.FileSpec("a.bin", BIN.length, FakeNpm.sha(BIN))));
    }

    private void pull(String folder, SSLContext ssl) throws Exception {
        CatalogEntry e = entry();
        ModelCache cache =
                new ModelCache(
                        new ModelCatalog(Map.of("tiny", e)),
                        new FetchSettings(dir.resolve("cache"), false, ""),
                        new PrintWriter(err, true));
        new ModelPull(cache, new PrintWriter(err, true))
                .pull(e, new HttpsSource(url(folder), ssl, java.time.Duration.ofSeconds(2)), false);
    }

    private static URI url(String folder) {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + folder);
    }

    @Test
    void should_verify_and_land_a_good_pull_in_the_cache() throws Exception {
        // when
        pull("/good/", trusting);

        // then
        assertThat(dir.resolve("cache/tiny/a.json")).hasBinaryContent(JSON);
        assertThat(dir.resolve("cache/tiny/a.bin")).hasBinaryContent(BIN);
        assertThat(err.toString())
                .isEqualTo("pulling tiny: 2 files, 0.0 MB from " + url("/good/") + "\n");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void should_report_a_404_in_one_line_and_write_nothing() {
        assertOneLineFailure(
                "/missing/",
                trusting,
                url("/missing/")
                        + "a.json answered HTTP 404; download it by hand and use dlkit"
                        + " models import");
    }

    @Test
    void should_report_a_truncated_file_in_one_line_and_write_nothing() {
        assertOneLineFailure(
                "/short/",
                trusting,
                "tiny: a.bin from " + url("/short/") + " has 2048 bytes, the catalog says 4096");
    }

    @Test
    void should_give_up_a_body_that_stops_coming_in_one_line_and_write_nothing() {
        assertOneLineFailure(
                "/stall/",
                trusting,
                "cannot download "
                        + url("/stall/")
                        + "a.bin: IOException: nothing received for 2 s after ");
    }

    @Test
    void should_report_a_checksum_mismatch_in_one_line_and_write_nothing() {
        assertOneLineFailure("/altered/", trusting, "tiny: a.bin from " + url("/altered/") + " ");
    }

    @Test
    void should_refuse_a_certificate_the_jdk_does_not_trust() {
        assertOneLineFailure(
                "/good/",
                null,
                "cannot download " + url("/good/") + "a.json: its TLS certificate is not trusted");
    }

    private void assertOneLineFailure(String folder, SSLContext ssl, String start) {
        assertThatThrownBy(() -> pull(folder, ssl))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(start)
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("\n"))
                .extracting(t -> ((DlkitException) t).exitCode())
                .isEqualTo(ExitCode.BACKEND);
        assertThat(dir.resolve("cache/tiny")).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    private List<Path> leftovers() {
        try (Stream<Path> s = Files.list(dir.resolve("cache"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(".staging")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
