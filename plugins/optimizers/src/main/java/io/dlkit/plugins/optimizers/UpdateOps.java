package io.dlkit.plugins.optimizers;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Graph-building pieces the update rules share: argument checks, state slots, averages. */
final class UpdateOps {
    private UpdateOps() {}

    /** Checks the arguments of {@code Optimizer.applyGradients}. */
    static void check(
            String optimizer,
            GraphContext graph,
            List<WeightVariable<TFloat32>> variables,
            List<Operand<TFloat32>> gradients,
            Operand<TFloat32> learningRate) {
        requireNonNull(graph, "graph is null");
        requireNonNull(variables, "variables is null");
        requireNonNull(gradients, "gradients is null");
        requireNonNull(learningRate, "learningRate is null");
        if (variables.size() != gradients.size()) {
            throw new IllegalArgumentException(
                    optimizer
                            + ": got "
                            + variables.size()
                            + " variables but "
                            + gradients.size()
                            + " gradients; pass one gradient per variable, in the same order");
        }
        for (int i = 0; i < gradients.size(); i++) {
            if (gradients.get(i) == null) {
                throw new IllegalArgumentException(
                        optimizer
                                + ": the gradient of '"
                                + variables.get(i).name()
                                + "' is null; leave variables the loss does not depend on out");
            }
        }
    }

    /**
     * Creates the non-trainable state variable {@code <variable>_<slot>}, zeros of the variable's
     * shape, so checkpoints save and restore it with the model.
     */
    static WeightVariable<TFloat32> zeroSlot(
            GraphContext graph, WeightVariable<TFloat32> variable, String slot) {
        Shape shape = variable.variable().shape();
        if (shape.isUnknown() || shape.hasUnknownDimension()) {
            throw new IllegalArgumentException(
                    "variable '"
                            + variable.name()
                            + "' has shape "
                            + shape
                            + "; optimizer state needs a fully known shape");
        }
        Ops tf = graph.tf();
        Operand<TFloat32> zeros = tf.zeros(tf.constant(shape.asArray()), TFloat32.class);
        return graph.variable(variable.name() + "_" + slot, zeros, false);
    }

    /**
     * {@code base}, or {@code base_2}, {@code base_3}, ... if the graph already holds a variable of
     * that name (a second optimizer of the same kind in one graph). The same build order gives the
     * same names, so checkpoints still match.
     */
    static String uniqueName(GraphContext graph, String base) {
        Set<String> taken = new HashSet<>();
        graph.variables().forEach(v -> taken.add(v.name()));
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The exponentially weighted average step {@code beta * previous + (1 - beta) * x}. */
    static Operand<TFloat32> average(
            Ops tf, Operand<TFloat32> previous, Operand<TFloat32> x, double beta) {
        return tf.math.add(
                tf.math.mul(tf.constant((float) beta), previous),
                tf.math.mul(tf.constant((float) (1 - beta)), x));
    }

    /** One op that runs all {@code updates}. */
    static Op group(Ops tf, List<Op> updates) {
        return tf.withControlDependencies(updates).noOp();
    }
}
