package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated pipeline, resolved and ordered: what {@link PipelineRunner} runs and what {@code
 * --dry-run} prints.
 *
 * @param file the pipeline file it came from
 * @param name the pipeline's name
 * @param description its description, may be empty
 * @param inputs the pipeline inputs' values (declared type; paths absolute)
 * @param steps the steps in the order they run: dependencies first, ties in file order
 */
public record Plan(
        PipelineFile file,
        String name,
        String description,
        Map<String, Object> inputs,
        List<PlannedStep> steps) {
    /** Checks and freezes the fields. */
    public Plan {
        requireNonNull(file, "file is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        steps = List.copyOf(steps);
    }
}
