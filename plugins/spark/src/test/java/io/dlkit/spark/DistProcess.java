package io.dlkit.spark;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the Spark add-on's packaged distribution ({@code target/dlkit-spark/bin/dlkit}). */
final class DistProcess {
    static final Path DIST =
            Path.of(System.getProperty("dlkit.dist", "target/dlkit-spark")).toAbsolutePath();
    static final Path ROOT =
            Path.of(System.getProperty("dlkit.root", "../..")).toAbsolutePath().normalize();
    static final Path SHARED =
            Path.of(System.getProperty("dlkit.shared.dir", "../../../shared"))
                    .toAbsolutePath()
                    .normalize();

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private DistProcess() {}

    /** Runs {@code dlkit args} in {@code dir} with extra environment variables (10 min at most). */
    static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(DIST.resolve("bin/dlkit").toString()));
        cmd.addAll(List.of(args));
        return exec(dir, env, cmd.toArray(String[]::new));
    }

    /**
     * Runs the command {@code cmd} in {@code dir} with extra environment variables (10 min at
     * most).
     */
    static Result exec(Path dir, Map<String, String> env, String... cmd) throws Exception {
        Path out = Files.createTempFile("dlkit-out", ".txt");
        Path err = Files.createTempFile("dlkit-err", ".txt");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(cmd)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " hung");
            }
            return new Result(
                    p.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
