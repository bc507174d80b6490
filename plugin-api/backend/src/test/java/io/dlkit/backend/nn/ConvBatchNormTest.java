package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/**
 * Batch norm on a channels-last volume [m, H, W, C] (the notes' "Batch Normalization of CNN"): one
 * mean and variance per channel over its m * H * W values, one gamma/beta per channel. Expected
 * values are computed by hand in double precision.
 */
class ConvBatchNormTest {
    private static final int M = 3;
    private static final int H = 2;
    private static final int W = 4;
    private static final int C = 3;
    private static final int N = M * H * W * C;
    private static final double EPSILON = 1e-3;

    private record Net(
            GraphContext g,
            BatchNormLayer layer,
            Placeholder<TFloat32> z,
            Placeholder<TBool> training,
            Operand<TFloat32> out) {
        float[] run(float[] batch, boolean train, boolean update) {
            try (TFloat32 in = Tensors.floats(batch, M, H, W, C);
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
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(M, H, W, C)));
        Placeholder<TBool> training =
                tf.placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
        BatchNormLayer layer = new BatchNormLayer("bn", BatchNormLayer.DEFAULT_MOMENTUM, EPSILON);
        layer.build(g, new long[] {H, W, C});
        return new Net(g, layer, z, training, layer.call(g, z, training));
    }

    /** Channel of flat index i in [M, H, W, C]: the last axis. */
    private static int channel(int i) {
        return i % C;
    }

    /** Per channel mean over the M * H * W values sharing it. */
    private static double[] channelMean(float[] z) {
        double[] mu = new double[C];
        for (int i = 0; i < N; i++) mu[channel(i)] += z[i] / (double) (M * H * W);
        return mu;
    }

    private static double[] channelVariance(float[] z) {
        double[] mu = channelMean(z);
        double[] var = new double[C];
        for (int i = 0; i < N; i++)
            var[channel(i)] += Math.pow(z[i] - mu[channel(i)], 2) / (M * H * W);
        return var;
    }

    private static float[] batch(int seed) {
        // channel c is centred near c so the per-channel statistics differ from the global ones
        float[] z = GradCheck.uniformFloats(new Random(seed), N, -1, 1);
        for (int i = 0; i < N; i++) z[i] = z[i] * (1 + channel(i)) + 2 * channel(i);
        return z;
    }

    @Test
    void should_normalise_each_channel_over_batch_height_and_width_when_training() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given
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
            double[] mu = channelMean(z);
            double[] var = channelVariance(z);
            for (int i = 0; i < N; i++) {
                int c = channel(i);
                double expected = gamma[c] * (z[i] - mu[c]) / Math.sqrt(var[c] + EPSILON) + beta[c];
                assertThat((double) out[i]).isCloseTo(expected, within(1e-5));
            }
            assertThat(net.layer().variables())
                    .allSatisfy(v -> assertThat(v.variable().shape().asArray()).containsExactly(C));
            assertThat(net.layer().flops()).isEqualTo(4L * H * W * C);
        }
    }

    @Test
    void should_use_per_channel_moving_averages_at_inference() {
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
            for (int i = 0; i < N; i++) {
                int c = channel(i);
                double expected = (z[i] - movingMean[c]) / Math.sqrt(movingVariance[c] + EPSILON);
                assertThat((double) out[i]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void should_average_the_channel_statistics_of_each_training_step() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: v_t = 0.99 v_(t-1) + 0.01 x_t from 0 (mean) and 1 (variance)
            Net net = net(g);
            double[] mean = new double[C];
            double[] variance = {1, 1, 1};
            // when
            for (int step = 0; step < 4; step++) {
                float[] z = batch(20 + step);
                net.run(z, true, true);
                double[] mu = channelMean(z);
                double[] var = channelVariance(z);
                for (int c = 0; c < C; c++) {
                    mean[c] = 0.99 * mean[c] + 0.01 * mu[c];
                    variance[c] = 0.99 * variance[c] + 0.01 * var[c];
                }
            }
            // then
            List<WeightVariable<TFloat32>> vars = net.layer().variables();
            assertThat(GradCheck.toDouble(GradCheck.fetch(g, vars.get(2).read())))
                    .containsExactly(mean, within(1e-6));
            assertThat(GradCheck.toDouble(GradCheck.fetch(g, vars.get(3).read())))
                    .containsExactly(variance, within(1e-6));
        }
    }

    @Test
    void should_refuse_an_empty_input_shape() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            BatchNormLayer layer = new BatchNormLayer("bn", 0.9, 1e-3);
            assertThatThrownBy(() -> layer.build(g, new long[] {4, 0, 2}))
                    .hasMessage(
                            "batch_norm layer 'bn' needs an input shape [features] or [height, width, channels], got [4, 0, 2]");
        }
    }
}
