package io.dlkit.spark;

import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchTasks;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spark/batch}: {@code dlkit batch} as a pipeline step, e.g. {@code {id: boxes, uses:
 * spark/batch, with: {task: detect, input: photos, output: boxes.parquet, engine: spark, options:
 * {conf: 0.3}}}}. The output folder is inside the run's; its summary is the step's output.
 */
final class BatchStep implements StepType {
    private final BatchTasks tasks;

    @Inject
    BatchStep(BatchTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public String name() {
        return "spark/batch";
    }

    @Override
    public String description() {
        return "A batch task (detect, classify, face-embed, embed) over a data set, to Parquet.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("task", ParamType.STRING, "detect, classify, face-embed, embed"),
                ParamSpec.required("input", ParamType.PATH, "a folder, glob, .txt or .parquet"),
                ParamSpec.required("output", ParamType.OUTPUT, "the Parquet folder to write"),
                ParamSpec.optional("engine", ParamType.STRING, "local", "local or spark"),
                ParamSpec.optional("master", ParamType.STRING, null, "the Spark master"),
                ParamSpec.optional("partitions", ParamType.INT, null, "Spark partitions"),
                ParamSpec.optional("jsonl", ParamType.BOOL, false, "also write JSON lines"),
                ParamSpec.optional(
                        "options",
                        ParamType.MAP,
                        Map.of(),
                        "the task's options, e.g. {conf: 0.3}"));
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("summary", ArtifactType.JSON, "records, errors, seconds, output folder"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
            throws Exception {
        Path out = context.resolveOutput(params.string("output"));
        Map<String, String> options = new TreeMap<>();
        params.map("options").forEach((k, v) -> options.put(k, String.valueOf(v)));
        BatchJob job =
                new BatchJob(
                        params.string("task"),
                        options,
                        params.path("input").toString(),
                        out.toString(),
                        params.string("engine"),
                        params.string("master"),
                        params.has("partitions") ? params.integer("partitions") : null,
                        params.bool("jsonl"));
        RunSettings s = context.settings();
        BatchSummary summary = job.run(tasks, s);
        try (java.util.stream.Stream<Path> parts = java.nio.file.Files.list(out)) {
            parts.filter(java.nio.file.Files::isRegularFile).forEach(context::recordOutput);
        }
        context.progress(1, 1, summary.line());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", summary.records());
        m.put("errors", summary.errors());
        m.put("seconds", summary.seconds());
        m.put("output", out.toString());
        return Map.of("summary", m);
    }
}
