package io.dlkit.api.pipeline;

import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.GraphContext;
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

    /**
     * Opens a TensorFlow graph on the device and with the threads and seed the user chose ({@code
     * --device}, {@code --threads}, {@code --seed}), loading the runtime if needed, exactly as
     * {@link io.dlkit.api.CommandContext#openGraph()} does for a command; the run header ({@code
     * device: CPU:0 | TensorFlow 2.18.0 | ...}) is shown in the step's progress unless {@code -q}.
     * The step owns the graph: close it before {@link StepType#run} returns (try-with-resources).
     *
     * <pre>{@code
     * try (GraphContext g = context.openGraph()) {
     *     Ops tf = g.tf();
     *     ... build the graph once, then run it through g.session()
     * }
     * }</pre>
     *
     * <p>The default implementation throws, for contexts that run no TensorFlow (test fakes);
     * dlkit's own pipeline runner implements it.
     *
     * @throws io.dlkit.backend.runtime.BackendException if the runtime or the device is missing
     * @throws UnsupportedOperationException if this context cannot open graphs
     */
    default GraphContext openGraph() {
        throw new UnsupportedOperationException(
                "this step context ("
                        + getClass().getName()
                        + ") cannot open a TensorFlow graph; run the step through dlkit run");
    }
}
