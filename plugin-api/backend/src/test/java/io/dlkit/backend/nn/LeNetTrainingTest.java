package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * A tiny LeNet-like CNN (conv 3x3 → max-pool 2x2 → flatten → softmax) trained with tf.gradients and
 * plain gradient descent to tell vertical from horizontal bars; plus its summary, counted by hand,
 * and feature extraction through {@link Sequential#layerOutput}.
 */
class LeNetTrainingTest {
    private static final int M = 16;

    private static Sequential lenet() {
        return Sequential.builder()
                .input(8, 8, 1)
                .add(new Conv2DLayer(4, 3, "relu"))
                .add(new MaxPoolLayer(2))
                .add(new FlattenLayer())
                .add(new DenseLayer(2, "softmax"))
                .build();
    }

    /** Even samples: a vertical bar (class 0); odd: a horizontal bar (class 1); plus noise. */
    private static float[][] bars() {
        Random random = new Random(4);
        float[] x = new float[M * 64];
        float[] y = new float[M * 2];
        for (int i = 0; i < M; i++) {
            int line = 1 + random.nextInt(6);
            for (int p = 0; p < 64; p++) {
                boolean on = i % 2 == 0 ? p % 8 == line : p / 8 == line;
                x[i * 64 + p] = (on ? 1f : 0f) + (float) (0.1 * random.nextGaussian());
            }
            y[i * 2 + i % 2] = 1;
        }
        return new float[][] {x, y};
    }

    @Test
    void should_lower_the_loss_in_a_few_gradient_steps() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            // given
            Ops tf = g.tf();
            float[][] data = bars();
            Operand<TFloat32> x = tf.constant(Shape.of(M, 8, 8, 1), DataBuffers.of(data[0]));
            Operand<TFloat32> y = tf.constant(Shape.of(M, 2), DataBuffers.of(data[1]));
            Sequential model = lenet();
            Model.Forward f = model.forward(g, x, tf.constant(true));
            Operand<TFloat32> loss = Losses.categoricalCrossEntropyFromLogits(tf, f.logits(), y);
            List<WeightVariable<TFloat32>> vars = model.trainableVariables();
            Gradients grads =
                    tf.gradients(loss, vars.stream().map(WeightVariable::variable).toList());
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                updates.add(
                        tf.train.applyGradientDescent(
                                vars.get(i).variable(), tf.constant(0.5f), grads.<TFloat32>dy(i)));
            }
            Op step = tf.withControlDependencies(updates).noOp();
            float first = GradCheck.fetch(g, loss)[0];
            // when
            for (int s = 0; s < 30; s++) {
                try (Result r = g.session().runner().addTarget(step).run()) {
                    // one step
                }
            }
            float last = GradCheck.fetch(g, loss)[0];
            // then: from about log 2 to well below it
            assertThat(vars)
                    .extracting(WeightVariable::name)
                    .containsExactly(
                            "conv2d_1_kernel", "conv2d_1_bias", "dense_1_kernel", "dense_1_bias");
            assertThat(first).isBetween(0.4f, 1.2f);
            assertThat(last).isLessThan(Math.min(first / 4, 0.1f)); // observed 0.82 -> 0.017
        }
    }

    @Test
    void should_summarise_conv_layers_and_expose_their_outputs() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            // given
            Ops tf = g.tf();
            Sequential model = lenet();
            Operand<TFloat32> x = tf.constant(Shape.of(M, 8, 8, 1), DataBuffers.of(bars()[0]));
            model.forward(g, x, tf.constant(false));
            // when
            ModelSummary summary = ModelSummary.of(model);
            Operand<TFloat32> features = model.layerOutput("max_pool_1");
            // then: conv 3*3*1*4 + 4 = 40 params, 6*6*4 outputs * (2*9 + 1) FLOPs; pool 3*3*4 * 4;
            // dense 36*2 + 2 = 74 params, 2*36*2 + 2 FLOPs
            assertThat(summary.rows())
                    .extracting(ModelSummary.Row::trainableParams)
                    .containsExactly(40L, 0L, 0L, 74L);
            assertThat(summary.rows())
                    .extracting(ModelSummary.Row::flops)
                    .containsExactly(6L * 6 * 4 * 19, 3L * 3 * 4 * 4, 0L, 2L * 36 * 2 + 2);
            assertThat(summary.table())
                    .contains(
                            "conv2d_1 (conv2d)",
                            "(None, 6, 6, 4)",
                            "(None, 3, 3, 4)",
                            "flatten_1 (flatten)",
                            "(None, 36)");
            assertThat(features.shape().asArray()).containsExactly(M, 3, 3, 4);
            assertThat(GradCheck.fetch(g, features)).hasSize(M * 36);
            assertThatThrownBy(() -> model.layerOutput("max_pool"))
                    .hasMessage(
                            "no layer named 'max_pool' (did you mean max_pool_1?); layers:"
                                    + " conv2d_1, max_pool_1, flatten_1, dense_1");
        }
    }
}
