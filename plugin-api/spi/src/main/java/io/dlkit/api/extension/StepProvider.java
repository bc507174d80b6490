package io.dlkit.api.extension;

import io.dlkit.api.pipeline.StepType;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Contributes pipeline step types (the {@code uses:} values of a pipeline file, such as {@code
 * image/load} or {@code detector/detect}). Annotate the implementing class with {@code
 * @org.pf4j.Extension}.
 */
public interface StepProvider extends ExtensionPoint {
    /** Returns the step types this provider contributes; names must be unique across dlkit. */
    List<StepType> stepTypes();
}
