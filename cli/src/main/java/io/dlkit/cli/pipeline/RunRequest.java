package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What a pipeline run needs besides its plan.
 *
 * @param outputDir where outputs and {@code manifest.json} go (created if missing); {@code dlkit
 *     run} defaults it to {@code runs/<name>-<yyyyMMdd-HHmmss>}
 * @param settings the global options (seed, device, threads, quiet, overwrite)
 * @param writer the atomic, overwrite-aware writer steps and the manifest use
 * @param dlkitVersion recorded in the manifest
 * @param tensorflowVersion asked when the manifest is written, after the steps ran; its answer is
 *     recorded when not null (the runner never loads TensorFlow to find it: pass {@code () ->
 *     TfRuntime.isLoaded() ? TfRuntime.get().version() : null})
 * @param allowOutside whether steps may write outside {@code outputDir} ({@code
 *     --allow-outside-out})
 */
public record RunRequest(
        Path outputDir,
        RunSettings settings,
        OutputWriter writer,
        String dlkitVersion,
        Supplier<String> tensorflowVersion,
        boolean allowOutside) {
    /** A request whose steps write only inside {@code outputDir}. */
    public RunRequest(
            Path outputDir,
            RunSettings settings,
            OutputWriter writer,
            String dlkitVersion,
            Supplier<String> tensorflowVersion) {
        this(outputDir, settings, writer, dlkitVersion, tensorflowVersion, false);
    }

    /** Checks the fields. */
    public RunRequest {
        outputDir = requireNonNull(outputDir, "outputDir is null").toAbsolutePath().normalize();
        requireNonNull(settings, "settings is null");
        requireNonNull(writer, "writer is null");
        requireNonNull(dlkitVersion, "dlkitVersion is null");
        requireNonNull(tensorflowVersion, "tensorflowVersion is null");
    }
}
