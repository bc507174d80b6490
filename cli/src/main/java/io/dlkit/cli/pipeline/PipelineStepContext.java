package io.dlkit.cli.pipeline;

import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.OutputLocations;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/** The {@link StepContext} one step of a pipeline run sees. */
final class PipelineStepContext implements StepContext {
    private final String stepId;
    private final RunRequest request;
    private final Set<Path> outputs;
    private final Consumer<String> progress;

    PipelineStepContext(
            String stepId, RunRequest request, Set<Path> outputs, Consumer<String> progress) {
        this.stepId = stepId;
        this.request = request;
        this.outputs = outputs;
        this.progress = progress;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public RunSettings settings() {
        return request.settings();
    }

    @Override
    public Path outputDir() {
        return request.outputDir();
    }

    @Override
    public Path resolveOutput(String location) {
        return OutputLocations.resolve(request.outputDir(), location, request.allowOutside());
    }

    @Override
    public OutputWriter writer() {
        return request.writer();
    }

    @Override
    public void progress(long done, long total, String message) {
        progress.accept(
                done + "/" + total + (message == null || message.isEmpty() ? "" : " " + message));
    }

    /** A graph with the run's device, threads and seed; its header is the step's progress line. */
    @Override
    public GraphContext openGraph() {
        RunSettings s = request.settings();
        GraphContext graph =
                GraphContext.create(DeviceRequest.parse(s.device()), s.threads(), s.seed());
        progress.accept(graph.header());
        return graph;
    }

    @Override
    public void recordOutput(Path file) {
        outputs.add(request.outputDir().resolve(file).toAbsolutePath().normalize());
    }
}
