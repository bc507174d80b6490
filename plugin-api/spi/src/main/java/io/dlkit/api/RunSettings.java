package io.dlkit.api;

import java.nio.file.Path;

/**
 * The global options of one dlkit invocation, as the user gave them ({@code --device}, {@code
 * --threads}, {@code --seed}, {@code --format}, {@code -q}, {@code -v}, {@code --overwrite}).
 * Injected into commands and steps.
 *
 * @param device the requested device: {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto}
 * @param threads intra-op threads for TensorFlow; 0 lets TensorFlow choose
 * @param seed the base random seed; every variable and shuffle derives its own seed from it
 * @param format the result format on stdout: {@code table} (readable text), {@code json} (one JSON
 *     document, or JSON lines for streams) or {@code csv} (rows, where a command has them)
 * @param quiet no progress output
 * @param verbose more logging on stderr
 * @param overwrite whether existing outputs may be replaced
 * @param workDir the directory relative paths are resolved against
 */
public record RunSettings(
        String device,
        int threads,
        long seed,
        String format,
        boolean quiet,
        boolean verbose,
        boolean overwrite,
        Path workDir) {

    /** Whether the user asked for JSON output. */
    public boolean json() {
        return "json".equals(format);
    }

    /** The defaults: CPU, TensorFlow-chosen threads, seed 42, table output. */
    public static RunSettings defaults() {
        return new RunSettings("cpu", 0, 42L, "table", false, false, false, Path.of(""));
    }
}
