package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.pipeline.StepType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a {@link Plan}, ready to run.
 *
 * @param id the step's id
 * @param type the step type it uses
 * @param params every declared parameter's value: given, overridden or defaulted, converted to the
 *     declared type, paths absolute (a parameter without a value is absent)
 * @param wiring the input ports and what feeds them
 */
public record PlannedStep(
        String id, StepType type, Map<String, Object> params, Map<String, Reference> wiring) {
    /** Checks and freezes the fields. */
    public PlannedStep {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        wiring = Collections.unmodifiableMap(new LinkedHashMap<>(wiring));
    }

    /** {@code small (image/resize)}, as progress lines and errors name a step. */
    public String label() {
        return id + " (" + type.name() + ")";
    }
}
