package io.dlkit.cli.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.ExitCode;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.pipeline.PipelineException;
import io.dlkit.cli.pipeline.PipelineLoader;
import io.dlkit.cli.pipeline.PipelineValidator;
import io.dlkit.cli.pipeline.Problem;
import io.dlkit.cli.pipeline.StepRegistry;
import io.dlkit.cli.pipeline.Validation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code dlkit validate} and {@code dlkit run} share: loading, validating, reporting. */
final class PipelineCommandSupport {
    private PipelineCommandSupport() {}

    /** Loads and validates; a file that cannot be read becomes a validation with that problem. */
    static Validation validate(
            StepRegistry registry,
            CommandContext ctx,
            Path file,
            List<String> sets,
            boolean allowOutside) {
        try {
            PipelineValidator validator =
                    new PipelineValidator(registry, ctx.settings().workDir(), allowOutside);
            return validator.validate(PipelineLoader.load(file), sets);
        } catch (PipelineException e) {
            return new Validation(e.problems(), null);
        }
    }

    /**
     * Reports every problem: one line each on stderr and a count, or with {@code --format json} one
     * document on stdout.
     *
     * @return the exit code for invalid input
     */
    static int reportProblems(CommandContext ctx, Path file, List<Problem> problems) {
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("valid", false);
            doc.put("problems", problems.stream().map(PipelineCommandSupport::toMap).toList());
            Json.print(ctx.out(), doc);
        } else {
            PrintWriter err = ctx.err();
            problems.forEach(p -> err.println("error: " + p.format()));
            err.println(
                    file
                            + ": "
                            + problems.size()
                            + (problems.size() == 1 ? " problem" : " problems")
                            + "; nothing was run");
            err.flush();
        }
        return ExitCode.USAGE.code();
    }

    private static Map<String, Object> toMap(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", p.source());
        m.put("line", p.position() == null ? null : p.position().line());
        m.put("column", p.position() == null ? null : p.position().column());
        m.put("path", p.path());
        m.put("message", p.message());
        m.put("text", p.format());
        return m;
    }
}
