package io.dlkit.api.pipeline;

import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import java.nio.file.Path;

/** What a running step may use from the pipeline run around it. */
public interface StepContext {
    /** The id of the running step ({@code id:} in the pipeline file). */
    String stepId();

    /** The global settings of this run (device, seed, threads). */
    RunSettings settings();

    /** The directory this run writes its outputs and manifest to. */
    Path outputDir();

    /**
     * Resolves an {@link ParamType#OUTPUT} parameter against {@link #outputDir()}, refusing (exit
     * code 2) a location that leaves the output folder, through {@code ..}, an absolute path or a
     * symbolic link, unless the user allowed it with {@code --allow-outside-out}.
     */
    default Path resolveOutput(String location) {
        return OutputLocations.resolve(outputDir(), location, false);
    }

    /** Writes files atomically into the output directory, honouring {@code --overwrite}. */
    OutputWriter writer();

    /** Reports progress of the running step, e.g. {@code progress(3, 10, "image 3/10")}. */
    void progress(long done, long total, String message);

    /** Records an output file so it appears in the run manifest. */
    void recordOutput(Path file);
}
