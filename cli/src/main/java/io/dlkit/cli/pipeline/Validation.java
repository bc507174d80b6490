package io.dlkit.cli.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a pipeline: every problem found, in file order, and the plan when there
 * were none.
 *
 * @param problems the problems, sorted by position (command-line problems last)
 * @param plan the resolved plan, or null when there are problems
 */
public record Validation(List<Problem> problems, Plan plan) {
    /** Sorts and freezes the problems. */
    public Validation {
        problems = problems.stream().sorted().toList();
        if ((plan == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a validation has either problems or a plan");
        }
    }

    /** Whether the pipeline is valid. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The plan, if valid. */
    public Optional<Plan> planIfValid() {
        return Optional.ofNullable(plan);
    }

    /** The plan; throws a {@link PipelineException} listing every problem when invalid. */
    public Plan planOrThrow() {
        if (!ok()) {
            throw new PipelineException(problems);
        }
        return plan;
    }
}
