package io.dlkit.plugins.embeddings.train;

import io.dlkit.plugins.embeddings.corpus.CorpusReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The facts of one {@code embed train} run, written as {@code OUT.manifest.json} beside the
 * vectors: the command, versions, seed, the corpus SHA-256 and the timings.
 */
final class RunManifest {
    private RunManifest() {}

    /** SHA-256 over the bytes of every corpus file, in the order they are read. */
    static String corpusSha256(Path source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : CorpusReader.files(source)) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The versions of dlkit (from the core's build facts, when visible), this plugin and Java. */
    static Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>();
        Properties core = new Properties();
        try (InputStream in =
                ClassLoader.getSystemResourceAsStream("io/dlkit/cli/version.properties")) {
            if (in != null) {
                core.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        v.put("dlkit", core.getProperty("version", "unknown"));
        String plugin = RunManifest.class.getPackage().getImplementationVersion();
        v.put(
                "embeddings_plugin",
                plugin != null ? plugin : core.getProperty("version", "unknown"));
        v.put("java", System.getProperty("java.version"));
        return v;
    }
}
