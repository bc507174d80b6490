package io.dlkit.plugins.detector.heads;

import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.backend.train.Objective;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the one-object heads' losses: {@code --loss localization} and {@code --loss
 * landmarks} (unmasked). Both read their sizes from the model's output.
 */
@Extension
public final class HeadObjectives implements ObjectiveProvider {
    /** PF4J creates it; it holds no state. */
    public HeadObjectives() {}

    @Override
    public List<Objective> objectives() {
        return List.of(new LocalizationObjective(), new LandmarkObjective());
    }
}
