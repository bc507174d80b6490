package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.text.Suggestions;
import io.dlkit.cli.pipeline.PipelineSpec.InputDecl;
import io.dlkit.cli.pipeline.PipelineSpec.StepSpec;
import io.dlkit.cli.pipeline.ValueConverter.ConversionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole pipeline before any work starts and resolves it into a {@link Plan}: structure and
 * keys, step types, parameters and their types, references and their artifact types, cycles, and
 * {@code --set} overrides. Every problem is collected; none stops the others from being found.
 */
public final class PipelineValidator {
    private final StepRegistry registry;
    private final Path workDir;

    /** A validator that resolves {@code --set} paths against the process's working directory. */
    public PipelineValidator(StepRegistry registry) {
        this(registry, Path.of(""));
    }

    /**
     * A validator.
     *
     * @param registry the step types a pipeline may use
     * @param workDir the directory relative paths given with {@code --set} are resolved against
     *     (paths written in the file are resolved against the file's directory)
     */
    public PipelineValidator(StepRegistry registry, Path workDir) {
        this.registry = requireNonNull(registry, "registry is null");
        this.workDir = workDir.toAbsolutePath().normalize();
    }

    /** Validates a loaded pipeline file without overrides. */
    public Validation validate(PipelineFile file) {
        return validate(file, List.of());
    }

    /**
     * Validates a loaded pipeline file with {@code --set} overrides.
     *
     * @param sets the {@code --set} values: {@code NAME=VALUE} for a pipeline input, {@code
     *     STEP.PARAM=VALUE} for a step parameter
     * @return every problem, or the plan when there are none
     */
    public Validation validate(PipelineFile file, List<String> sets) {
        List<Problem> problems = new ArrayList<>(file.problems());
        Optional<PipelineSpec> spec = PipelineBinder.bind(file, problems);
        if (spec.isEmpty()) {
            return new Validation(problems, null);
        }
        List<SetOverride> overrides = SetOverride.parseAll(sets, problems);
        Map<String, Object> inputs = inputValues(file, spec.get(), overrides, problems);
        Templates templates = new Templates(file.source(), spec.get(), registry, inputs, problems);
        StepChecker checker =
                new StepChecker(
                        file.source(), registry, templates, file.directory(), workDir, problems);
        Map<String, List<SetOverride>> stepOverrides =
                stepOverrides(spec.get(), overrides, problems);
        Map<String, PlannedStep> planned = new HashMap<>();
        Map<String, Map<String, Reference>> wiring = new HashMap<>();
        for (StepSpec step : spec.get().steps()) {
            checker.type(step)
                    .ifPresent(
                            type -> {
                                Map<String, Object> params =
                                        checker.params(
                                                step,
                                                type,
                                                stepOverrides.getOrDefault(step.id(), List.of()));
                                wiring.put(step.id(), checker.wiring(step, type));
                                planned.put(
                                        step.id(),
                                        new PlannedStep(
                                                step.id(), type, params, wiring.get(step.id())));
                            });
        }
        List<StepSpec> order =
                DependencyOrder.order(spec.get().steps(), wiring, file.source(), problems);
        if (!problems.isEmpty()) {
            return new Validation(problems, null);
        }
        List<PlannedStep> steps = order.stream().map(s -> planned.get(s.id())).toList();
        return new Validation(
                List.of(),
                new Plan(file, spec.get().name(), spec.get().description(), inputs, steps));
    }

    private Map<String, Object> inputValues(
            PipelineFile file,
            PipelineSpec spec,
            List<SetOverride> overrides,
            List<Problem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputDecl input : spec.inputs()) {
            Optional<SetOverride> set =
                    overrides.stream()
                            .filter(o -> o.step().isEmpty() && o.key().equals(input.name()))
                            .findFirst();
            try {
                if (set.isPresent()) {
                    values.put(
                            input.name(),
                            ValueConverter.parse(
                                    set.get().value(), input.type().paramType, workDir));
                } else if (input.defaultValue() != null) {
                    values.put(
                            input.name(),
                            ValueConverter.convert(
                                    input.defaultValue().toPlain(),
                                    input.type().paramType,
                                    file.directory()));
                } else {
                    problems.add(
                            new Problem(
                                    file.source(),
                                    input.position(),
                                    input.path(),
                                    "input '"
                                            + input.name()
                                            + "' has no value: give it a 'default:' or"
                                            + " run with --set "
                                            + input.name()
                                            + "=VALUE"));
                }
            } catch (ConversionException e) {
                problems.add(
                        set.isPresent()
                                ? new Problem(set.get().source(), null, "", e.getMessage())
                                : new Problem(
                                        file.source(),
                                        input.defaultValue().position(),
                                        input.path() + ".default",
                                        e.getMessage()));
            }
        }
        return values;
    }

    /** Groups {@code STEP.PARAM} overrides by step and reports unknown names. */
    private Map<String, List<SetOverride>> stepOverrides(
            PipelineSpec spec, List<SetOverride> overrides, List<Problem> problems) {
        Map<String, List<SetOverride>> byStep = new HashMap<>();
        for (SetOverride o : overrides) {
            if (o.step().isEmpty()) {
                if (spec.input(o.key()).isEmpty()) {
                    problems.add(
                            new Problem(
                                    o.source(), null, "", Templates.unknownInput(spec, o.key())));
                }
            } else if (spec.step(o.step().get()).isEmpty()) {
                problems.add(
                        new Problem(
                                o.source(),
                                null,
                                "",
                                "unknown step '"
                                        + o.step().get()
                                        + "'"
                                        + Suggestions.didYouMean(o.step().get(), spec.stepIds())
                                        + " (steps: "
                                        + String.join(", ", spec.stepIds())
                                        + ")"));
            } else {
                byStep.computeIfAbsent(o.step().get(), k -> new ArrayList<>()).add(o);
            }
        }
        return byStep;
    }

    /** The registry this validator checks against. */
    public StepRegistry registry() {
        return registry;
    }
}
