package io.dlkit.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@code bin/dlkit} process left running in the background, so that a test can kill it with
 * SIGKILL mid-run. The launcher {@code exec}s the JVM, so the process is dlkit itself.
 */
final class DlkitBackground implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DlkitBackground(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code dlkit args} in the repository root; stdout and stderr go to one log file. */
    static DlkitBackground start(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(DlkitProcess.DIST.resolve("bin/dlkit").toString());
        cmd.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("dlkit-bg", ".txt");
            Process p =
                    new ProcessBuilder(cmd)
                            .directory(DlkitProcess.ROOT.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                            .start();
            return new DlkitBackground(p, log);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        }
    }

    /**
     * Polls {@code condition} every 10 ms until it holds; fails if the process ends first or time
     * runs out.
     */
    void awaitWhileRunning(BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "dlkit ended (exit "
                                + process.exitValue()
                                + ") before the condition held:\n"
                                + log());
            }
            if (System.nanoTime() > deadline)
                throw new AssertionError("condition not met in " + timeout + ":\n" + log());
            Thread.sleep(10);
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with kill(1). */
    void signal(String name) {
        try {
            Process kill =
                    new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
                            .inheritIO()
                            .start();
            if (kill.waitFor() != 0)
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        } catch (IOException e) {
            throw new AssertionError("cannot run kill: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends SIGKILL ({@link Process#destroyForcibly()} on Unix) and returns the exit status. */
    int kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS))
            throw new AssertionError("dlkit survived SIGKILL");
        return process.exitValue();
    }

    /** Waits for the process to end; fails if it does not within {@code timeout}. */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("dlkit did not end within " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** What the process printed so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }
}
