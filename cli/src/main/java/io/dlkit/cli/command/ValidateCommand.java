package io.dlkit.cli.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.pipeline.OutputLocations;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.pipeline.Plan;
import io.dlkit.cli.pipeline.PlannedStep;
import io.dlkit.cli.pipeline.StepRegistry;
import io.dlkit.cli.pipeline.Validation;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit validate FILE [--set k=v]...}: checks a pipeline as a whole without running it and
 * reports every problem with file, line, column and field path. Never loads native code.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Check a pipeline file without running it: keys, step types, parameters,"
                        + " references, cycles; every problem at once.")
public final class ValidateCommand implements Callable<Integer> {
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

    private final Provider<StepRegistry> steps;
    private final CommandContext ctx;

    @Inject
    ValidateCommand(Provider<StepRegistry> steps, CommandContext ctx) {
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
        List<String> order = plan.steps().stream().map(PlannedStep::id).toList();
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("valid", true);
            doc.put("name", plan.name());
            doc.put("steps", order);
            Json.print(ctx.out(), doc);
        } else {
            ctx.out()
                    .println(
                            file
                                    + ": ok, pipeline "
                                    + plan.name()
                                    + " with "
                                    + order.size()
                                    + (order.size() == 1 ? " step: " : " steps: ")
                                    + String.join(", ", order));
            ctx.out().flush();
        }
        return 0;
    }
}
