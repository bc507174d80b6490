package io.dlkit.testkit;

import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StepContext} for step tests: writes into a folder you give (usually a {@code @TempDir}),
 * through a {@link FakeOutputWriter}, and records the outputs and progress the step reports.
 */
public final class FakeStepContext implements StepContext {
    private final Path outputDir;
    private final RunSettings settings;
    private final FakeOutputWriter writer;
    private final List<Path> recorded = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    /** A context for step {@code step} writing into {@code outputDir}, replacing files or not. */
    public FakeStepContext(Path outputDir, boolean overwrite) {
        this.outputDir = outputDir;
        this.settings = new RunSettings("cpu", 1, 42L, "table", true, false, overwrite, outputDir);
        this.writer = new FakeOutputWriter(overwrite);
    }

    @Override
    public String stepId() {
        return "step";
    }

    @Override
    public RunSettings settings() {
        return settings;
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }

    @Override
    public OutputWriter writer() {
        return writer;
    }

    @Override
    public void progress(long done, long total, String message) {
        progress.add(done + "/" + total + " " + message);
    }

    @Override
    public void recordOutput(Path file) {
        recorded.add(file);
    }

    /** A CPU graph with the settings' threads and seed, as the host's step context gives. */
    public GraphContext openGraph() {
        return GraphContext.create(DeviceRequest.CPU, settings.threads(), settings.seed());
    }

    /** The outputs the step recorded. */
    public List<Path> recorded() {
        return List.copyOf(recorded);
    }

    /** The progress the step reported, as {@code done/total message}. */
    public List<String> progressReported() {
        return List.copyOf(progress);
    }

    /** The files written through {@link #writer()}. */
    public FakeOutputWriter files() {
        return writer;
    }
}
