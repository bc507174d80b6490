package io.dlkit.cli.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a successful pipeline run produced.
 *
 * @param outputDir the run's output directory
 * @param manifest the written {@code manifest.json}
 * @param outputs the files steps recorded, absolute
 * @param stepMillis wall-clock milliseconds per step id, in run order
 * @param totalMillis wall-clock milliseconds of the whole run
 * @param results the JSON-typed step outputs (metrics and the like) as {@code step.output}
 */
public record RunResult(
        Path outputDir,
        Path manifest,
        List<Path> outputs,
        Map<String, Long> stepMillis,
        long totalMillis,
        Map<String, Object> results) {
    /** Freezes the collections. */
    public RunResult {
        outputs = List.copyOf(outputs);
        stepMillis =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepMillis));
        results = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(results));
    }
}
