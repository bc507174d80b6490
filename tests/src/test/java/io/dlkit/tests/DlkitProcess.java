package io.dlkit.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged distribution's {@code bin/dlkit} as a real process (public for the ITs that
 * live in a plugin's package to reuse its test fixtures).
 */
public final class DlkitProcess {
    static final Path DIST =
            Path.of(System.getProperty("dlkit.dist", "target/dlkit")).toAbsolutePath();
    static final Path ROOT =
            Path.of(System.getProperty("dlkit.root", "..")).toAbsolutePath().normalize();
    static final Path SHARED =
            Path.of(System.getProperty("dlkit.shared.dir", "../../shared"))
                    .toAbsolutePath()
                    .normalize();

    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private DlkitProcess() {}

    /** Runs {@code dlkit args} in the repository root. */
    public static Result run(String... args) {
        return runIn(ROOT, Map.of(), args);
    }

    /** Runs {@code dlkit args} in {@code dir} with extra environment variables. */
    public static Result runIn(Path dir, Map<String, String> env, String... args) {
        return runIn(dir, env, 300, args);
    }

    /**
     * Runs {@code dlkit args} in {@code dir}; a run that takes longer than {@code timeoutSeconds}
     * (a hang, e.g. on a FIFO) is killed and fails the test.
     */
    public static Result runIn(
            Path dir, Map<String, String> env, int timeoutSeconds, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/dlkit").toString());
        cmd.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("dlkit-out", ".txt");
            Path err = Files.createTempFile("dlkit-err", ".txt");
            ProcessBuilder pb =
                    new ProcessBuilder(cmd)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(
                                    ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(
                        "dlkit "
                                + String.join(" ", args)
                                + " did not finish in "
                                + timeoutSeconds
                                + " s (hung?); stderr so far: "
                                + Files.readString(err, StandardCharsets.UTF_8));
            }
            Result r =
                    new Result(
                            p.exitValue(),
                            Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
