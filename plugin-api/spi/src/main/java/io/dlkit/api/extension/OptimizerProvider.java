package io.dlkit.api.extension;

import io.dlkit.backend.train.Optimizer;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Contributes an optimizer that {@code dlkit train --optimizer NAME} and pipeline training steps
 * find by name. Annotate the implementing class with {@code @org.pf4j.Extension}.
 */
public interface OptimizerProvider extends ExtensionPoint {
    /** The name users give ({@code adam}); unique across dlkit. */
    String name();

    /** One line describing the update rule. */
    String description();

    /**
     * Creates the optimizer from hyperparameters (snake_case keys; absent keys take defaults).
     *
     * @throws IllegalArgumentException naming the key and its allowed range for a bad value
     */
    Optimizer create(Map<String, Object> config);
}
