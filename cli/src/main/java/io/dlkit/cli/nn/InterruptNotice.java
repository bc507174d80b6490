package io.dlkit.cli.nn;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * While training runs, a shutdown hook that tells a user who pressed Ctrl-C (SIGINT, or SIGTERM)
 * where the last checkpoint is and the exact command that resumes it; the JVM then exits with 130
 * (143 for SIGTERM). Removed when training ends, so a normal exit prints nothing.
 */
final class InterruptNotice implements AutoCloseable {
    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /** Installs the notice for a training run writing into {@code modelDir} with {@code seed}. */
    static InterruptNotice install(Path modelDir, long seed, PrintWriter err) {
        Thread hook = new Thread(() -> print(modelDir, seed, err), "dlkit-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    static String message(Path modelDir, long seed) {
        Path dir = modelDir.toAbsolutePath().normalize();
        Properties state = state(dir.resolve("checkpoint"));
        if (state == null) state = state(dir.resolve(".checkpoint-old"));
        if (state == null) {
            return "interrupted before the first checkpoint; nothing to resume in "
                    + dir
                    + " (start again with --overwrite)";
        }
        return "interrupted: the last checkpoint (epoch "
                + state.getProperty("epoch", "?")
                + ", step "
                + state.getProperty("step", "?")
                + ") is in "
                + dir.resolve("checkpoint")
                + "; resume with: dlkit train --resume --out "
                + quote(dir.toString())
                + (seed == 42 ? "" : " --seed " + seed);
    }

    private static void print(Path modelDir, long seed, PrintWriter err) {
        err.println();
        err.println(message(modelDir, seed));
        err.flush();
    }

    private static Properties state(Path checkpoint) {
        Path file = checkpoint.resolve("state.properties");
        if (!Files.isRegularFile(file)) return null;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the notice is being printed.
        }
    }
}
