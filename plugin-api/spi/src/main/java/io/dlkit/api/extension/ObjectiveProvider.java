package io.dlkit.api.extension;

import io.dlkit.backend.train.Objective;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Contributes training objectives (losses with their metrics) that {@code dlkit train --loss ID}
 * and the pipeline training step select by id; the core trainer runs them with its schedules,
 * clipping, L2, checkpoints, exact resume, NaN stop and early stopping (on {@code loss}, {@code
 * val_loss} or any metric the objective declares, e.g. {@code val_focal}). Annotate the
 * implementing class with {@code @org.pf4j.Extension}.
 */
public interface ObjectiveProvider extends ExtensionPoint {
    /** The objectives; ids are unique across dlkit and never a built-in loss's. */
    List<Objective> objectives();
}
