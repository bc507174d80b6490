package io.dlkit.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code bundled:} catalog entry is read in place from the distribution, never fetched. */
class BundledModelsTest {
    @TempDir Path dir;
    private final StringWriter err = new StringWriter();
    private String oldHome;
    private CatalogEntry entry;
    private ModelCache cache;

    @BeforeEach
    void setUp() throws Exception {
        oldHome = System.getProperty("dlkit.home");
        Path home = dir.resolve("dist");
        Path folder = Files.createDirectories(home.resolve("models/tiny"));
        byte[] json = "{\"m\": 1}".getBytes(StandardCharsets.UTF_8);
        Files.write(folder.resolve("tiny.json"), json);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        entry =
                new CatalogEntry(
                        "tiny",
                        "test",
                        "tfjs-graph",
                        "bundled:models/tiny",
                        "tiny.json",
                        "MIT",
                        "here",
                        "in",
                        "out",
                        null,
                        List.of(new CatalogEntry.FileSpec("tiny.json", json.length, sha)));
        System.setProperty("dlkit.home", home.toString());
        // offline, with no npm on the PATH: any fetch would fail
        cache =
                new ModelCache(
                        new ModelCatalog(Map.of("tiny", entry)),
                        new FetchSettings(dir.resolve("cache"), true, ""),
                        new PrintWriter(err, true));
    }

    @AfterEach
    void restoreHome() {
        if (oldHome == null) System.clearProperty("dlkit.home");
        else System.setProperty("dlkit.home", oldHome);
    }

    @Test
    void should_load_a_bundled_model_in_place_offline_without_fetching() {
        Path file = cache.require("tiny");

        assertThat(file).isEqualTo(dir.resolve("dist/models/tiny/tiny.json").toAbsolutePath());
        assertThat(err.toString()).isEmpty();
        assertThat(dir.resolve("cache")).doesNotExist();
        new ModelPull(cache, new PrintWriter(err)).pull(entry, true);
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void should_call_a_damaged_bundled_file_a_broken_install_and_refuse_to_remove_it()
            throws Exception {
        Files.writeString(dir.resolve("dist/models/tiny/tiny.json"), "{\"m\": 2}");

        assertThatThrownBy(() -> cache.require("tiny"))
                .isInstanceOf(DlkitException.class)
                .hasMessageContaining("tiny: the bundled file")
                .hasMessageContaining("has SHA-256")
                .hasMessageEndingWith("reinstall dlkit (or rebuild it: mvn -B install)")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThatThrownBy(() -> cache.remove("tiny")).hasMessageContaining("ships with dlkit");
    }
}
