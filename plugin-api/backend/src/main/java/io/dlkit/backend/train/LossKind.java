package io.dlkit.backend.train;

import io.dlkit.backend.nn.Losses;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The three built-in training losses, chosen from the model's output activation unless given: the
 * built-in {@link Objective}s.
 */
public enum LossKind implements Objective {
    /** Softmax output, integer class labels: categorical cross-entropy from logits. */
    CATEGORICAL_CROSSENTROPY,
    /** Sigmoid output, labels 0/1: binary cross-entropy from logits. */
    BINARY_CROSSENTROPY,
    /** Any output, float targets: mean squared error of the activated output. */
    MSE;

    /** The loss that matches an output activation: softmax, sigmoid, or MSE for the rest. */
    public static LossKind forActivation(String activation) {
        return switch (activation) {
            case "softmax" -> CATEGORICAL_CROSSENTROPY;
            case "sigmoid" -> BINARY_CROSSENTROPY;
            default -> MSE;
        };
    }

    /** Parses {@code categorical_crossentropy}, {@code binary_crossentropy} or {@code mse}. */
    public static LossKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown loss '"
                            + name
                            + "': use categorical_crossentropy, binary_crossentropy or mse");
        }
    }

    /** Whether the loss trains on integer class labels (and so reports accuracy). */
    @Override
    public boolean classification() {
        return this != MSE;
    }

    /** The snake_case name. */
    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String description() {
        return switch (this) {
            case CATEGORICAL_CROSSENTROPY -> "-sum_k y_k log softmax(z)_k, integer labels";
            case BINARY_CROSSENTROPY -> "-y log sigma(z) - (1-y) log(1 - sigma(z)), labels 0/1";
            case MSE -> "mean of (y^ - y)^2, float targets";
        };
    }

    @Override
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Model.Forward f = inputs.output();
        return Loss.of(
                switch (this) {
                    case CATEGORICAL_CROSSENTROPY ->
                            Losses.sparseCategoricalCrossEntropyFromLogits(
                                    tf, f.logits(), inputs.labels());
                    case BINARY_CROSSENTROPY ->
                            Losses.binaryCrossEntropyFromLogits(
                                    tf,
                                    f.logits(),
                                    tf.reshape(
                                            tf.dtypes.cast(inputs.labels(), TFloat32.class),
                                            tf.shape(f.logits())));
                    case MSE -> mse(tf, f.output(), inputs.floatTargets());
                });
    }

    private static Operand<TFloat32> mse(
            Ops tf, Operand<TFloat32> output, Operand<TFloat32> targets) {
        return Losses.meanSquaredError(tf, output, tf.reshape(targets, tf.shape(output)));
    }
}
