package io.dlkit.plugins.nst;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * The generated image as a variable ({@code nst_image}) updated in the graph by an optimizer the
 * optimizers plugin contributes (Adam by default, the same update ops {@code dlkit train} runs),
 * then clipped to [0, 255]. The loss network takes its pixels through a placeholder (an imported
 * TF.js graph cannot be rewired to a variable in TF Java 1.1.0), so each step feeds the variable's
 * current value there, and the update uses the gradient with respect to that placeholder, which is
 * the gradient with respect to the variable.
 */
final class PixelUpdate {
    /** The largest pixel value. */
    static final float MAX_PIXEL = 255f;

    private final WeightVariable<TFloat32> image;
    private final Placeholder<TFloat32> start;
    private final Placeholder<TFloat32> learningRate;
    private final Operand<TFloat32> next;
    private final List<Op> reset = new ArrayList<>();

    /**
     * @param pixels the loss network's input, {@code [1, H, W, 3]}
     * @param gradient {@code dJ/dpixels}
     */
    PixelUpdate(
            GraphContext g,
            Optimizer optimizer,
            Output<TFloat32> pixels,
            Operand<TFloat32> gradient) {
        Ops tf = g.tf().withSubScope("nst_update");
        Shape shape = pixels.shape();
        int before = g.variables().size();
        image =
                g.variable(
                        "nst_image", tf.zeros(tf.constant(shape.asArray()), TFloat32.class), false);
        start = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        learningRate = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        Op update = optimizer.applyGradients(g, List.of(image), List.of(gradient), learningRate);
        Operand<TFloat32> stepped =
                tf.withControlDependencies(List.of(update)).identity(image.variable());
        next =
                tf.assign(
                        image.variable(),
                        tf.clipByValue(stepped, tf.constant(0f), tf.constant(MAX_PIXEL)));
        reset.add(tf.assign(image.variable(), start));
        List<WeightVariable<?>> all = g.variables();
        for (WeightVariable<?> state : all.subList(before + 1, all.size())) {
            reset.add(zero(tf, state.variable()));
        }
    }

    private static <T extends TType> Op zero(Ops tf, Variable<T> v) {
        return tf.assign(v, tf.zeros(tf.constant(v.shape().asArray()), v.type()));
    }

    /** The placeholder the optimisation's start is fed to by {@link #reset()}'s ops. */
    Placeholder<TFloat32> start() {
        return start;
    }

    /** Ops that set the image to {@link #start()} and the optimizer's state to zero (step 0). */
    List<Op> reset() {
        return reset;
    }

    /** The scalar learning rate fed each step. */
    Placeholder<TFloat32> learningRate() {
        return learningRate;
    }

    /** The image after one update and the clipping; fetching it runs the step. */
    Operand<TFloat32> next() {
        return next;
    }
}
