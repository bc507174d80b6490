package io.dlkit.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds samples/plugin-template the way a third-party author would: a copy of the folder, plain
 * {@code mvn package} against the plugin API installed in the local Maven repository. Once per JVM.
 */
final class TemplateBuild {
    private static Path jar;

    private TemplateBuild() {}

    static synchronized Path jar() throws IOException, InterruptedException {
        if (jar != null) return jar;
        Path src = DlkitProcess.ROOT.resolve("samples/plugin-template");
        Path copy = DlkitProcess.DIST.getParent().resolve("plugin-template-build");
        deleteTree(copy);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.toString().contains("/target")) continue;
                Path t = copy.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path log = copy.resolve("build.log");
        Process p =
                new ProcessBuilder("mvn", "-B", "-q", "package", "-DskipTests")
                        .directory(copy.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(
                    "the plugin template did not build:\n" + Files.readString(log));
        }
        jar = copy.resolve("target/dlkit-plugin-stats-example-1.0.0.jar");
        return jar;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.delete(p);
        }
    }
}
