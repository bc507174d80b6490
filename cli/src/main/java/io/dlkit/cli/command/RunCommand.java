package io.dlkit.cli.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.pipeline.OutputLocations;
import io.dlkit.backend.runtime.TfRuntime;
import io.dlkit.cli.CliCommandContext;
import io.dlkit.cli.Version;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.pipeline.PipelineRunner;
import io.dlkit.cli.pipeline.Plan;
import io.dlkit.cli.pipeline.PlanPrinter;
import io.dlkit.cli.pipeline.RunRequest;
import io.dlkit.cli.pipeline.RunResult;
import io.dlkit.cli.pipeline.StepRegistry;
import io.dlkit.cli.pipeline.Validation;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit run FILE [--set k=v]... [--dry-run] [--out DIR]}: validates the whole pipeline, then
 * runs its steps in dependency order, writing outputs and {@code manifest.json} into the output
 * directory. Progress goes to stderr, the summary to stdout.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Run a pipeline file: its steps in dependency order, outputs and a manifest"
                        + " in the output directory.")
public final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(paramLabel = "FILE", description = "The pipeline file (.yaml, .yml or .json).")
    Path file;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Set a pipeline input (NAME=VALUE) or a step parameter"
                            + " (STEP.PARAM=VALUE); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(
            names = OutputLocations.ALLOW_FLAG,
            description =
                    "Let steps write outside the output directory (absolute paths or '..' in"
                            + " output locations such as nn/train's out).")
    boolean allowOutside;

    @Option(names = "--dry-run", description = "Print the resolved plan and run nothing.")
    boolean dryRun;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory (default: runs/<name>-<yyyyMMdd-HHmmss>).")
    Path out;

    private final Provider<StepRegistry> steps;
    private final CommandContext ctx;

    @Inject
    RunCommand(Provider<StepRegistry> steps, CommandContext ctx) {
        this.steps = steps;
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Validation validation =
                PipelineCommandSupport.validate(steps.get(), ctx, file, sets, allowOutside);
        if (!validation.ok()) {
            return PipelineCommandSupport.reportProblems(ctx, file, validation.problems());
        }
        Plan plan = validation.plan();
        if (dryRun) {
            if (ctx.settings().json()) {
                Json.print(ctx.out(), PlanPrinter.toMap(plan));
            } else {
                PlanPrinter.print(plan, ctx.out());
            }
            return 0;
        }
        Path dir =
                out != null
                        ? out
                        : Path.of("runs", plan.name() + "-" + LocalDateTime.now().format(STAMP));
        RunRequest request =
                new RunRequest(
                        ctx.settings().workDir().resolve(dir),
                        ctx.settings(),
                        ctx.writer(),
                        Version.dlkit(),
                        () -> TfRuntime.isLoaded() ? TfRuntime.get().version() : null,
                        allowOutside);
        CliCommandContext cli = ctx instanceof CliCommandContext c ? c : null;
        if (cli != null) cli.pipelineRunning(true);
        RunResult result;
        try {
            result = new PipelineRunner(ctx.err()).run(plan, request);
        } finally {
            if (cli != null) cli.pipelineRunning(false);
        }
        printSummary(plan, result);
        return 0;
    }

    private void printSummary(Plan plan, RunResult result) {
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", "ok");
            doc.put("pipeline", plan.name());
            doc.put("output_dir", result.outputDir().toString());
            doc.put("manifest", result.manifest().toString());
            doc.put("outputs", result.outputs().stream().map(Path::toString).toList());
            doc.put("steps_ms", result.stepMillis());
            doc.put("results", result.results());
            doc.put("total_ms", result.totalMillis());
            Json.print(ctx.out(), doc);
            return;
        }
        PrintWriter o = ctx.out();
        o.println(
                "ok: pipeline "
                        + plan.name()
                        + ", "
                        + plan.steps().size()
                        + " steps in "
                        + result.totalMillis()
                        + " ms");
        result.results().forEach((k, v) -> o.println("result:   " + k + " = " + v));
        result.outputs().forEach(p -> o.println("output:   " + p));
        o.println("manifest: " + result.manifest());
        o.flush();
    }
}
