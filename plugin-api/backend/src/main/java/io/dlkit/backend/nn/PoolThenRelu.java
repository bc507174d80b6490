package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * An exact rewrite of a convolution with ReLU followed by a max pool, for training graphs: {@code
 * maxpool(relu(z)) = relu(maxpool(z))}, since ReLU never changes which input of a window is the
 * largest (it is monotone), so the pool is applied to the pre-activation {@code z} and the ReLU to
 * the pooled values, four times fewer for a 2x2 pool, and so is the ReLU's gradient.
 *
 * <p>The gradients agree too: where the window's maximum is positive both route the gradient to the
 * same input (the first maximum), and where it is not, both give zero (the ReLU gradient is zero at
 * and below 0). Only in training graphs: in an evaluation-only graph oneDNN fuses the ReLU into the
 * convolution, which costs nothing (issue #15). The convolution's own output {@code relu(z)} is
 * still built (a layer output others may fetch); a training step never computes it.
 */
final class PoolThenRelu {
    private PoolThenRelu() {}

    /**
     * Whether {@code layer} followed by {@code next} is rewritten: a convolution with activation
     * {@code relu} then a max pool, in a graph whose training flag is not the constant false.
     */
    static boolean applies(Layer layer, Layer next, Operand<TBool> training) {
        return layer instanceof Conv2DLayer conv
                && conv.activation().name().equals(Activations.RELU.name())
                && next instanceof MaxPoolLayer
                && !TrainingFlag.isConstantFalse(training);
    }

    /**
     * The pool's output, {@code relu(maxpool(z))} for the convolution's pre-activation {@code z}
     * (call after the convolution and after {@code pool.build}).
     */
    static Operand<TFloat32> call(
            GraphContext graph, Conv2DLayer conv, MaxPoolLayer pool, Operand<TBool> training) {
        Operand<TFloat32> pooled = pool.call(graph, conv.preActivation(), training);
        return graph.tf().nn.relu(pooled);
    }
}
