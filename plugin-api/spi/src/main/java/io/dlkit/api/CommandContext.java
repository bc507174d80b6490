package io.dlkit.api;

import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.GraphContext;
import java.io.PrintWriter;

/**
 * What a command (core or plugin) works with: the parsed global options, the output streams and the
 * atomic writer. Inject it ({@code @Inject MyCommand(CommandContext ctx)}); read {@link
 * #settings()} when the command runs, since options are parsed after commands are created.
 */
public interface CommandContext {
    /** The global options of this invocation. */
    RunSettings settings();

    /** Standard output: results only (a table, or one JSON document with {@code --format json}). */
    PrintWriter out();

    /** Standard error: progress, run headers, logs. */
    PrintWriter err();

    /** Atomic, {@code --overwrite}-aware file writing. */
    OutputWriter writer();

    /**
     * Opens a TensorFlow graph on the device and with the threads and seed the user chose, loading
     * the runtime if needed, and prints the run header ({@code device: CPU:0 | TensorFlow 2.18.0 |
     * ...}) on stderr unless {@code -q}. Close it when done.
     *
     * @throws io.dlkit.backend.runtime.BackendException if the runtime or the device is missing
     */
    GraphContext openGraph();

    /**
     * Runs another dlkit command in this process with the same global options, as if typed after
     * {@code dlkit} (for a plugin command that extends a core one, e.g. {@code zoo train} running
     * {@code train}); its output goes to the same streams.
     *
     * @return its exit code
     */
    int runCommand(String... args);
}
