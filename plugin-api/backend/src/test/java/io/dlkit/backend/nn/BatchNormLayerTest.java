package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class BatchNormLayerTest {
    private static final int M = 6;
    private static final int UNITS = 3;
    private static final double EPSILON = 1e-3;

    /** Batch norm on a fed batch z [M, UNITS] with a fed training flag. */
    private record Net(
            GraphContext g,
            BatchNormLayer layer,
            Placeholder<TFloat32> z,
            Placeholder<TBool> training,
            Operand<TFloat32> out) {
        float[] run(float[] batch, boolean train, boolean update) {
            try (TFloat32 in = Tensors.floats(batch, M, UNITS);
                    TBool flag = TBool.scalarOf(train)) {
                var runner = g.session().runner().feed(z, in).feed(training, flag).fetch(out);
                if (update) layer.trainingUpdates().forEach(runner::addTarget);
                try (Result r = runner.run()) {
                    return Tensors.toFloats(r.get(0));
                }
            }
        }
    }

    private static Net net(GraphContext g) {
        Ops tf = g.tf();
        Placeholder<TFloat32> z =
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(M, UNITS)));
        Placeholder<TBool> training =
                tf.placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
        BatchNormLayer layer = new BatchNormLayer("bn", BatchNormLayer.DEFAULT_MOMENTUM, EPSILON);
        layer.build(g, new long[] {UNITS});
        return new Net(g, layer, z, training, layer.call(g, z, training));
    }

    private static float[] batch(int seed) {
        return GradCheck.uniformFloats(new Random(seed), M * UNITS, -2, 3);
    }

    /** {@code gamma (z - mean) / sqrt(variance + eps) + beta}, per column, by hand. */
    private static double expected(
            float[] z, int i, int j, double mean, double variance, double gamma, double beta) {
        return gamma * (z[i * UNITS + j] - mean) / Math.sqrt(variance + EPSILON) + beta;
    }

    private static double[] columnMean(float[] z) {
        double[] mu = new double[UNITS];
        for (int i = 0; i < M; i++)
            for (int j = 0; j < UNITS; j++) mu[j] += z[i * UNITS + j] / (double) M;
        return mu;
    }

    private static double[] columnVariance(float[] z) {
        double[] mu = columnMean(z);
        double[] var = new double[UNITS];
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < UNITS; j++) var[j] += Math.pow(z[i * UNITS + j] - mu[j], 2) / M;
        }
        return var;
    }

    @Test
    void should_normalise_with_batch_statistics_when_training() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: gamma and beta set away from their 1 and 0 starts
            Net net = net(g);
            GradCheck.Setter setter = new GradCheck.Setter(g, net.layer().variables());
            double[] gamma = {0.5, 2, -1};
            double[] beta = {0.1, -0.3, 1};
            setter.set(0, gamma);
            setter.set(1, beta);
            float[] z = batch(1);
            // when
            float[] out = net.run(z, true, false);
            // then
            double[] mu = columnMean(z);
            double[] var = columnVariance(z);
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < UNITS; j++) {
                    assertThat((double) out[i * UNITS + j])
                            .isCloseTo(
                                    expected(z, i, j, mu[j], var[j], gamma[j], beta[j]),
                                    within(1e-5));
                }
            }
        }
    }

    @Test
    void should_use_the_moving_averages_at_inference() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given
            Net net = net(g);
            GradCheck.Setter setter = new GradCheck.Setter(g, net.layer().variables());
            double[] movingMean = {1, -1, 0.5};
            double[] movingVariance = {4, 0.25, 2};
            setter.set(2, movingMean);
            setter.set(3, movingVariance);
            float[] z = batch(2);
            // when
            float[] out = net.run(z, false, false);
            // then: gamma = 1, beta = 0
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < UNITS; j++) {
                    assertThat((double) out[i * UNITS + j])
                            .isCloseTo(
                                    expected(z, i, j, movingMean[j], movingVariance[j], 1, 0),
                                    within(1e-5));
                }
            }
        }
    }

    @Test
    void should_keep_exponentially_weighted_averages_of_the_batch_statistics() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: v_t = 0.99 v_(t-1) + 0.01 x_t from v_0 = 0 (mean) and 1 (variance)
            Net net = net(g);
            double[] mean = new double[UNITS];
            double[] variance = {1, 1, 1};
            // when
            for (int step = 0; step < 5; step++) {
                float[] z = batch(10 + step);
                net.run(z, true, true);
                double[] mu = columnMean(z);
                double[] var = columnVariance(z);
                for (int j = 0; j < UNITS; j++) {
                    mean[j] = 0.99 * mean[j] + 0.01 * mu[j];
                    variance[j] = 0.99 * variance[j] + 0.01 * var[j];
                }
            }
            // then
            List<WeightVariable<TFloat32>> vars = net.layer().variables();
            assertThat(vars)
                    .extracting(WeightVariable::name)
                    .containsExactly("bn_gamma", "bn_beta", "bn_moving_mean", "bn_moving_variance");
            assertThat(GradCheck.toDouble(GradCheck.fetch(g, vars.get(2).read())))
                    .containsExactly(mean, within(1e-6));
            assertThat(GradCheck.toDouble(GradCheck.fetch(g, vars.get(3).read())))
                    .containsExactly(variance, within(1e-6));
            assertThat(vars)
                    .extracting(WeightVariable::trainable)
                    .containsExactly(true, true, false, false);
        }
    }

    @Test
    void should_match_finite_differences_in_training_mode() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: x as a variable so it can be perturbed; gamma, beta moved off 1 and 0
            Ops tf = g.tf();
            WeightVariable<TFloat32> x =
                    g.variable(
                            "x",
                            tf.constant(
                                    Shape.of(M, UNITS),
                                    org.tensorflow.ndarray.buffer.DataBuffers.of(batch(7))),
                            false);
            BatchNormLayer layer = new BatchNormLayer("bn", 0.99, EPSILON);
            layer.build(g, new long[] {UNITS});
            Operand<TFloat32> out = layer.call(g, x.read(), tf.constant(true));
            Operand<TFloat32> loss =
                    GradCheck.weightedSum(
                            tf,
                            tf.math.square(out),
                            GradCheck.uniformFloats(new Random(8), M * UNITS, -1, 1),
                            M,
                            UNITS);
            GradCheck.Setter setter = new GradCheck.Setter(g, layer.variables());
            setter.set(0, new double[] {0.5, 2, -1});
            setter.set(1, new double[] {0.1, -0.3, 1});
            // then: float32, eps 3e-3 (see DenseLayerTest for the error budget)
            GradCheck.checkFloat32(
                    g,
                    loss,
                    List.of(x, layer.variables().get(0), layer.variables().get(1)),
                    3e-3,
                    DenseLayerTest.ATOL,
                    DenseLayerTest.RTOL);
        }
    }
}
