package io.dlkit.cli.pipeline;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline that cannot be loaded or is invalid (exit code 2). Its message is the problems'
 * one-line forms, one per line, in file order; {@link #problems()} gives them one by one.
 */
public final class PipelineException extends DlkitException {
    private final transient List<Problem> problems;

    /** Creates the error from at least one problem. */
    public PipelineException(List<Problem> problems) {
        super(ExitCode.USAGE, message(problems));
        this.problems = problems.stream().sorted().toList();
    }

    /** Creates the error for one problem. */
    public PipelineException(Problem problem) {
        this(List.of(problem));
    }

    /** The problems, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems is empty");
        }
        return problems.stream().sorted().map(Problem::format).collect(Collectors.joining("\n"));
    }
}
