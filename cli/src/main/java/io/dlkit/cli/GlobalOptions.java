package io.dlkit.cli;

import io.dlkit.api.RunSettings;
import io.dlkit.backend.runtime.DeviceRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options, accepted before or after the command name ({@code dlkit --seed 1 train} and
 * {@code dlkit train --seed 1} are the same).
 */
public final class GlobalOptions {
    @Option(
            names = "--device",
            scope = ScopeType.INHERIT,
            paramLabel = "cpu|gpu[:N]|auto",
            description =
                    "Device to run on (default: ${DEFAULT-VALUE}). A missing GPU is an error.",
            defaultValue = "cpu")
    String device;

    @Option(
            names = "--threads",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            description = "TensorFlow intra-op threads; 0 = all cores (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int threads;

    @Option(
            names = "--seed",
            scope = ScopeType.INHERIT,
            paramLabel = "N",
            description =
                    "Base random seed; the same seed gives the same run (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(
            names = "--format",
            scope = ScopeType.INHERIT,
            paramLabel = "table|json|csv",
            description = "Result format on stdout (default: ${DEFAULT-VALUE}).",
            defaultValue = "table")
    String format;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "No progress or headers on stderr.")
    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "More logging on stderr.")
    boolean verbose;

    @Option(
            names = {"-x", "--stacktrace"},
            scope = ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean stackTraces;

    @Option(
            names = "--overwrite",
            scope = ScopeType.INHERIT,
            description = "Allow replacing existing output files.")
    boolean overwrite;

    @Option(
            names = "--offline",
            scope = ScopeType.INHERIT,
            description =
                    "Never fetch a pretrained model; say which file is missing and where to put"
                            + " it (as DLKIT_OFFLINE=1 does).")
    boolean offline;

    @Option(
            names = "--plugins-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Also load plugins from DIR (repeatable; also $DLKIT_PLUGINS).")
    List<Path> pluginDirs = new ArrayList<>();

    /** The options as the immutable settings commands and steps see. */
    public RunSettings toSettings() {
        if (!List.of("table", "json", "csv").contains(format)) {
            throw new picocli.CommandLine.PicocliException(
                    "invalid --format '" + format + "': use table, json or csv");
        }
        if (threads < 0) {
            throw new picocli.CommandLine.PicocliException(
                    "invalid --threads " + threads + ": use 0 (all cores) or a positive count");
        }
        try {
            DeviceRequest.parse(device); // fails early with a one-line message
        } catch (IllegalArgumentException e) {
            throw io.dlkit.api.DlkitException.invalidInput(e.getMessage());
        }
        return new RunSettings(
                device,
                threads,
                seed,
                format,
                quiet,
                verbose,
                overwrite,
                Path.of("").toAbsolutePath());
    }

    /** Whether stack traces were requested. */
    public boolean stackTraces() {
        return stackTraces;
    }
}
