package io.dlkit.cli.models;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A package tarball made with the system's {@code tar}, an {@code npm} script that serves it
 * ({@code npm pack ANY} copies it into the current folder, after an optional delay, and logs each
 * call), and a catalog entry that points at it.
 */
final class FakeNpm {
    final Path bin;
    final Path calls;
    final CatalogEntry entry;

    private FakeNpm(Path bin, Path calls, CatalogEntry entry) {
        this.bin = bin;
        this.calls = calls;
        this.entry = entry;
    }

    /** Files a.json and a.bin under package/models/ of @test/pkg@1.0.0. */
    static FakeNpm create(Path dir, double delaySeconds) throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("src/package/models"));
        byte[] json = "{\"weights\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] bin = new byte[3000];
        for (int i = 0; i < bin.length; i++) bin[i] = (byte) (i * 7);
        Files.write(pkg.resolve("a.json"), json);
        Files.write(pkg.resolve("a.bin"), bin);
        Path tgz = dir.resolve("test-pkg-1.0.0.tgz");
        Process tar =
                new ProcessBuilder(
                                "tar",
                                "czf",
                                tgz.toString(),
                                "-C",
                                dir.resolve("src").toString(),
                                "package")
                        .inheritIO()
                        .start();
        if (tar.waitFor() != 0) throw new IllegalStateException("tar failed");
        Path bindir = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("npm-calls.log");
        Path npm = bindir.resolve("npm");
        Files.writeString(
                npm,
                "#!/bin/sh\necho \"$@\" >> '"
                        + calls
                        + "'\nsleep "
                        + delaySeconds
                        + "\ncp '"
                        + tgz
                        + "' ./test-pkg-1.0.0.tgz\n");
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        CatalogEntry e =
                new CatalogEntry(
                        "tiny",
                        "a test model",
                        "tfjs-graph",
                        "npm:@test/pkg@1.0.0/models",
                        "a.json",
                        "MIT",
                        "nowhere",
                        "x",
                        "y",
                        null,
                        List.of(
                                new CatalogEntry.FileSpec("a.json", json.length, sha(json)),
                                new CatalogEntry.FileSpec("a.bin", bin.length, sha(bin))));
        return new FakeNpm(bindir, calls, e);
    }

    ModelCatalog catalog() {
        return new ModelCatalog(Map.of(entry.name(), entry));
    }

    int callCount() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
