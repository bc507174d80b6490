package io.dlkit.backend.train;

import java.util.Locale;

/** The training loss, chosen from the model's output activation unless given. */
public enum LossKind {
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
    public boolean classification() {
        return this != MSE;
    }

    /** The snake_case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
