package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Losses against hand-computed values and finite differences: float64 where TF allows (eps 1e-6,
 * tolerance 1e-7 + 1e-6 |g|), float32 for the softmax cross-entropies (see below).
 */
class LossesTest {
    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static Operand<TFloat64> constant(Ops tf, double[] v, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(v));
    }

    @Test
    void should_compute_binary_cross_entropy_from_logits_and_its_gradient() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            Ops tf = g.tf();
            long[] shape = {6, 1};
            double[] z = {-3, -0.5, 0.2, 1.5, 4, -1};
            double[] y = {0, 1, 0, 1, 1, 0};
            Placeholder<TFloat64> logits =
                    tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat64> loss =
                    Losses.binaryCrossEntropyFromLogits(tf, logits, constant(tf, y, shape));
            Operand<TFloat64> grad = tf.gradients(loss, List.of(logits)).dy(0);
            // when
            double value = GradCheck.run64(g.session(), logits, z, shape, loss)[0];
            double[] dz = GradCheck.run64(g.session(), logits, z, shape, grad);
            // then: J = -(1/m) sum y log a + (1 - y) log(1 - a); dJ/dz = (a - y) / m
            double expected = 0;
            for (int i = 0; i < 6; i++) {
                double a = sigmoid(z[i]);
                expected -= (y[i] * Math.log(a) + (1 - y[i]) * Math.log(1 - a)) / 6;
                assertThat(dz[i]).isCloseTo((a - y[i]) / 6, within(1e-12));
            }
            assertThat(value).isCloseTo(expected, within(1e-12));
            GradCheck.checkFloat64(tf, g.session(), logits, z, shape, loss, 1e-6, 1e-7, 1e-6);
        }
    }

    @Test
    void should_stay_finite_for_large_logits() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given: log(sigmoid(-100)) underflows in a naive formula
            Ops tf = g.tf();
            Placeholder<TFloat64> logits =
                    tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(2)));
            Operand<TFloat64> loss =
                    Losses.binaryCrossEntropyFromLogits(
                            tf, logits, constant(tf, new double[] {0, 1}, 2));
            // when
            double value =
                    GradCheck.run64(
                            g.session(), logits, new double[] {800, -800}, new long[] {2}, loss)[0];
            // then: each term is |z| + log(1 + e^-|z|) = 800
            assertThat(value).isCloseTo(800, within(1e-9));
        }
    }

    /**
     * In float32: the C++ gradient of SoftmaxCrossEntropyWithLogits builds a float zero for its
     * unused second output, so in a float64 graph tf.gradients fails with "Inconsistent values for
     * attr 'T' DT_DOUBLE vs. DT_FLOAT" (TF Java 1.1.0). Differences use eps 1e-2 (DenseLayerTest).
     */
    @Test
    void should_compute_categorical_cross_entropy_from_logits_and_its_gradient() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            Ops tf = g.tf();
            float[] z = GradCheck.uniformFloats(new Random(1), 12, -2, 2);
            float[] y = {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1};
            WeightVariable<TFloat32> logits =
                    g.variable("logits", tf.constant(Shape.of(4, 3), DataBuffers.of(z)), true);
            Operand<TFloat32> loss =
                    Losses.categoricalCrossEntropyFromLogits(
                            tf, logits.read(), tf.constant(Shape.of(4, 3), DataBuffers.of(y)));
            Operand<TFloat32> grad = tf.gradients(loss, List.of(logits.variable())).dy(0);
            // when
            float value = GradCheck.fetch(g, loss)[0];
            float[] dz = GradCheck.fetch(g, grad);
            // then: J = -(1/m) sum_i sum_k y log softmax(z); dZ = (1/m)(Y^ - Y)
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                double sum = 0;
                for (int k = 0; k < 3; k++) sum += Math.exp(z[i * 3 + k]);
                for (int k = 0; k < 3; k++) {
                    double a = Math.exp(z[i * 3 + k]) / sum;
                    expected -= y[i * 3 + k] * Math.log(a) / 4;
                    assertThat((double) dz[i * 3 + k])
                            .isCloseTo((a - y[i * 3 + k]) / 4, within(1e-6));
                }
            }
            assertThat((double) value).isCloseTo(expected, within(1e-6));
            GradCheck.checkFloat32(
                    g, loss, List.of(logits), 1e-2, DenseLayerTest.ATOL, DenseLayerTest.RTOL);
        }
    }

    @Test
    void should_equal_the_one_hot_loss_for_integer_labels() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given: float32, as above
            Ops tf = g.tf();
            float[] z = GradCheck.uniformFloats(new Random(2), 12, -2, 2);
            WeightVariable<TFloat32> logits =
                    g.variable("logits", tf.constant(Shape.of(4, 3), DataBuffers.of(z)), true);
            Operand<TFloat32> sparse =
                    Losses.sparseCategoricalCrossEntropyFromLogits(
                            tf, logits.read(), tf.constant(new int[] {0, 2, 1, 2}));
            Operand<TFloat32> dense =
                    Losses.categoricalCrossEntropyFromLogits(
                            tf,
                            logits.read(),
                            tf.constant(
                                    Shape.of(4, 3),
                                    DataBuffers.of(
                                            new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1})));
            // when
            float a = GradCheck.fetch(g, sparse)[0];
            float b = GradCheck.fetch(g, dense)[0];
            // then
            assertThat(a).isEqualTo(b);
            GradCheck.checkFloat32(
                    g, sparse, List.of(logits), 1e-2, DenseLayerTest.ATOL, DenseLayerTest.RTOL);
        }
    }

    @Test
    void should_compute_mean_squared_error_and_its_gradient() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            Ops tf = g.tf();
            long[] shape = {3, 2};
            double[] p = {0.5, -1, 2, 0, 1.5, 3};
            double[] y = {1, -1, 0, 0.5, 1, 2};
            Placeholder<TFloat64> pred =
                    tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(shape)));
            Operand<TFloat64> loss = Losses.meanSquaredError(tf, pred, constant(tf, y, shape));
            // when
            double value = GradCheck.run64(g.session(), pred, p, shape, loss)[0];
            // then: (0.25 + 0 + 4 + 0.25 + 0.25 + 1) / 6
            assertThat(value).isCloseTo(5.75 / 6, within(1e-12));
            GradCheck.checkFloat64(tf, g.session(), pred, p, shape, loss, 1e-6, 1e-7, 1e-6);
        }
    }

    @Test
    void should_refuse_categorical_cross_entropy_on_rank_3_logits() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Ops tf = g.tf();
            Placeholder<TFloat32> logits =
                    tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3, 4)));
            assertThatThrownBy(() -> Losses.categoricalCrossEntropyFromLogits(tf, logits, logits))
                    .hasMessage(
                            "categorical cross-entropy needs rank-2 logits [batch, classes], got shape [2, 3, 4]");
        }
    }

    @Test
    void should_compute_the_l2_cost_of_the_notes_and_its_gradient() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            Ops tf = g.tf();
            float[] w1 = GradCheck.uniformFloats(new Random(3), 12, -1, 1);
            float[] w2 = GradCheck.uniformFloats(new Random(4), 8, -1, 1);
            WeightVariable<TFloat32> a =
                    g.variable("a_kernel", tf.constant(Shape.of(3, 4), DataBuffers.of(w1)), true);
            WeightVariable<TFloat32> b =
                    g.variable("b_kernel", tf.constant(Shape.of(4, 2), DataBuffers.of(w2)), true);
            float lambda = 0.7f;
            float m = 5;
            Operand<TFloat32> cost = Regularization.l2(tf, List.of(a, b), lambda, m);
            Operand<TFloat32> gradA = tf.gradients(cost, List.of(a.variable())).dy(0);
            // when
            float value = GradCheck.fetch(g, cost)[0];
            float[] dA = GradCheck.fetch(g, gradA);
            // then: (1/m)(lambda/2) sum W^2 and dJ/dW = (lambda/m) W
            double sumSq = 0;
            for (float v : w1) sumSq += v * v;
            for (float v : w2) sumSq += v * v;
            assertThat((double) value).isCloseTo(sumSq * lambda / 2 / m, within(1e-6));
            for (int i = 0; i < 12; i++) {
                assertThat(dA[i]).isCloseTo(lambda / m * w1[i], within(1e-6f));
            }
            GradCheck.checkFloat32(g, cost, List.of(a, b), 1e-2, 1e-4, 1e-3);
        }
    }

    @Test
    void should_use_the_fed_batch_size_and_reject_a_negative_lambda() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            Ops tf = g.tf();
            WeightVariable<TFloat32> w = g.variable("w", tf.constant(new float[] {1, 2}), true);
            Placeholder<TFloat32> x =
                    tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
            Operand<TFloat32> cost =
                    Regularization.l2(tf, List.of(w), 2f, Regularization.batchSize(tf, x));
            // when
            try (TFloat32 batch = io.dlkit.backend.tensor.Tensors.floats(new float[8], 4, 2);
                    var r = g.session().runner().feed(x, batch).fetch(cost).run()) {
                // then: (1/4)(2/2)(1 + 4)
                assertThat(io.dlkit.backend.tensor.Tensors.toFloat(r.get(0))).isEqualTo(1.25f);
            }
            assertThatThrownBy(() -> Regularization.l2(tf, List.of(w), -1f, 4f))
                    .hasMessage("lambda must be >= 0, got -1.0");
        }
    }
}
