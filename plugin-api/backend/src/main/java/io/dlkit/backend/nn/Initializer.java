package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * How a weight variable gets its first value. Implementations derive their randomness from {@code
 * graph.seedFor(variableName)} with stateless random ops, so two same-shaped variables differ and
 * the same seed reproduces the same weights bit for bit. The built-in ones are in {@link
 * Initializers}.
 */
public interface Initializer {
    /** The name used in model files ({@code he}). */
    String name();

    /**
     * Adds the initial value to the graph.
     *
     * @param graph the graph context (seeds come from {@link GraphContext#seedFor})
     * @param variableName the flat name of the variable being initialised
     * @param shape the variable's shape; for a dense kernel {@code [n_prev, units]}
     * @return a float tensor of {@code shape}
     */
    Operand<TFloat32> initialValue(GraphContext graph, String variableName, long... shape);
}
