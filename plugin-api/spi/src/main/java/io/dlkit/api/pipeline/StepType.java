package io.dlkit.api.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A kind of pipeline step, such as {@code image/load}: what it takes, what it gives, and how it
 * runs. Contributed by a {@link io.dlkit.api.extension.StepProvider}. {@code dlkit validate} checks
 * a pipeline against {@link #params()}, {@link #inputs()} and {@link #outputs()} without calling
 * {@link #run}.
 */
public interface StepType {
    /**
     * The step's name in kebab-case. dlkit lists a plugin's steps as {@code <plugin-id>/<name>} (a
     * name already starting with {@code <plugin-id>/} is kept), which is what a pipeline's {@code
     * uses:} names: {@code detector/detect}. The core's own steps are {@code image/...}.
     */
    String name();

    /** One line saying what the step does. */
    String description();

    /** The parameters it accepts under {@code with:}. */
    List<ParamSpec> params();

    /** The artifacts it takes under {@code inputs:}. */
    List<Port> inputs();

    /** The artifacts it produces, referable as {@code ${step_id.output_name}}. */
    List<Port> outputs();

    /**
     * Runs the step.
     *
     * @param context the run's settings, output directory and progress reporting
     * @param params the parameters, validated, with defaults filled in and paths resolved
     * @param inputs the wired input artifacts by port name (absent optional inputs are missing)
     * @return the produced artifacts by output port name; every declared output must be present
     */
    Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
            throws Exception;
}
