package io.dlkit.plugins.detector.heads;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Landmark regression, as the notes' landmark detection: {@code 2k} outputs {@code (l_x1, l_y1, ..,
 * l_xk, l_yk)}, coordinates as fractions of the image, against {@code targets} of the same layout.
 * Per image
 *
 * <pre>
 * L = sum_j v_j [(ŷ_xj - x_j)^2 + (ŷ_yj - y_j)^2]
 * </pre>
 *
 * averaged over the batch, with {@code v_j = 1} for every landmark, or, in the masked form, {@code
 * v_j} fed as {@code landmark_visible} ({@code [m, k]}, 1 visible, 0 absent) so absent landmarks
 * neither pull nor count. The unmasked form reads {@code k} from the output's width.
 */
public final class LandmarkObjective implements Objective {
    /** The id {@code --loss} takes. */
    public static final String ID = "landmarks";

    /** The visibility mask's name. */
    public static final String VISIBLE = "landmark_visible";

    private final int maskedLandmarks;

    /** Every landmark counts; {@code k} comes from the output. */
    public LandmarkObjective() {
        this.maskedLandmarks = 0;
    }

    /** {@code k} landmarks, each counted only where {@code landmark_visible} is 1. */
    public static LandmarkObjective masked(int landmarks) {
        if (landmarks < 1) {
            throw new IllegalArgumentException("landmarks must be >= 1, got " + landmarks);
        }
        return new LandmarkObjective(landmarks);
    }

    private LandmarkObjective(int landmarks) {
        this.maskedLandmarks = landmarks;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "landmarks: squared error over 2k normalised coordinates (x1, y1, .., xk, yk)";
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public Map<String, long[]> targetShapes() {
        return maskedLandmarks == 0 ? Map.of() : Map.of(VISIBLE, new long[] {maskedLandmarks});
    }

    @Override
    @SuppressWarnings("unchecked")
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Operand<TFloat32> out = inputs.output().output();
        long[] shape = out.shape().asArray();
        boolean masked = maskedLandmarks > 0;
        if (shape.length != 2
                || shape[1] % 2 != 0
                || shape[1] < 2
                || (masked && shape[1] != 2L * maskedLandmarks)) {
            throw new IllegalArgumentException(
                    "the landmarks loss needs an output [batch, 2k] (x1, y1, .., xk, yk)"
                            + (masked ? " with k = " + maskedLandmarks : "")
                            + ", got "
                            + java.util.Arrays.toString(shape));
        }
        Operand<TFloat32> pairs =
                tf.reshape(out, tf.constant(new int[] {-1, (int) shape[1] / 2, 2}));
        Operand<TFloat32> truth =
                tf.reshape(
                        inputs.floatTargets(), tf.constant(new int[] {-1, (int) shape[1] / 2, 2}));
        Operand<TFloat32> squared = tf.math.squaredDifference(pairs, truth);
        if (masked) {
            Operand<TFloat32> v =
                    tf.reshape(
                            (Operand<TFloat32>) inputs.target(VISIBLE),
                            tf.constant(new int[] {-1, maskedLandmarks, 1}));
            squared = tf.math.mul(squared, v);
        }
        Operand<TFloat32> perImage = tf.sum(squared, tf.constant(new int[] {1, 2}));
        return Loss.of(tf.withName("landmark_loss").math.mean(perImage, tf.constant(0)));
    }
}
