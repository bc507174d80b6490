package io.dlkit.backend.runtime;

import org.tensorflow.Operand;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TType;

/**
 * A variable created by {@link GraphContext#variable}: the variable itself (assign to it, take
 * gradients with respect to it) and its one identity read (use it in the forward graph).
 *
 * @param name the flat name, also the checkpoint key
 * @param variable the VariableV2 op
 * @param read the value to compute with
 * @param trainable whether the optimizer updates it
 */
public record WeightVariable<T extends TType>(
        String name, Variable<T> variable, Operand<T> read, boolean trainable) {}
