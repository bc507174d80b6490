package io.dlkit.cli.steps;

import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.cli.output.AtomicOutputWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A step context writing into a test's directory, recording what the step reports. */
final class TestContext implements StepContext {
    final List<Path> recorded = new ArrayList<>();
    private final Path outputDir;
    private final boolean overwrite;

    TestContext(Path outputDir, boolean overwrite) {
        this.outputDir = outputDir;
        this.overwrite = overwrite;
    }

    @Override
    public String stepId() {
        return "step";
    }

    @Override
    public RunSettings settings() {
        return RunSettings.defaults();
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }

    @Override
    public OutputWriter writer() {
        return new AtomicOutputWriter(() -> overwrite);
    }

    @Override
    public void progress(long done, long total, String message) {}

    /** A one-thread CPU graph with seed 42; counts how many were opened. */
    @Override
    public GraphContext openGraph() {
        graphsOpened++;
        return GraphContext.create(DeviceRequest.CPU, 1, 42);
    }

    int graphsOpened;

    @Override
    public void recordOutput(Path file) {
        recorded.add(file);
    }
}
