package io.dlkit.backend.nn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A layer whose output is {@code g(z)} for a pre-activation {@code z} it keeps: a model whose last
 * layer is one exposes {@code z} as its logits, from which the losses compute stably.
 */
public interface ActivatedLayer extends Layer {
    /** The activation {@code g}. */
    Activation activation();

    /** The pre-activation {@code z} added by {@link #call} (valid after it). */
    Operand<TFloat32> preActivation();
}
