package io.dlkit.backend.train;

/**
 * What the training graph needs besides the model and optimizer.
 *
 * @param loss the objective (a {@link LossKind} or a plugin's), or null to choose a built-in loss
 *     from the output activation
 * @param l2 the L2 strength lambda (0 = off)
 * @param clipValue clip each gradient element to [-v, v] (0 = off)
 * @param clipNorm scale gradients so their global norm is at most this (0 = off)
 */
public record TrainingSpec(Objective loss, double l2, double clipValue, double clipNorm) {
    /** Checks ranges. */
    public TrainingSpec {
        if (l2 < 0) throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        if (clipValue < 0)
            throw new IllegalArgumentException("clip value must be >= 0, got " + clipValue);
        if (clipNorm < 0)
            throw new IllegalArgumentException("clip norm must be >= 0, got " + clipNorm);
    }

    /** No regularization or clipping; loss from the output activation. */
    public static TrainingSpec defaults() {
        return new TrainingSpec(null, 0, 0, 0);
    }
}
