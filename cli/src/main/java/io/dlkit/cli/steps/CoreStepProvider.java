package io.dlkit.cli.steps;

import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.pipeline.StepType;
import java.util.List;

/**
 * The core's built-in image, box and point steps. All but {@code image/edges} are pure Java and
 * load no TensorFlow.
 */
public final class CoreStepProvider implements StepProvider {
    /** Creates the provider; it has no collaborators. */
    public CoreStepProvider() {}

    @Override
    public List<StepType> stepTypes() {
        return List.of(
                new LoadImageStep(),
                new ResizeImageStep(),
                new DrawBoxesStep(),
                new DrawPointsStep(),
                new EdgesStep(),
                new SaveImageStep(),
                new LoadBoxesStep(),
                new SaveBoxesStep(),
                new LoadPointsStep());
    }
}
