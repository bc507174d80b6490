package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Dense layers in float32 (the layer API is float32): gradients against central differences with
 * eps = 1e-2, where round-off is ~1e-6 / 2e-2 = 5e-5 and truncation ~eps^2/6 |f'''| ~ 2e-5, so we
 * allow 2e-4 + 2e-3 |g|; a wrong gradient is off by O(0.1) (observed agreement: ~1e-5).
 */
class DenseLayerTest {
    static final double EPS = 1e-2;
    static final double ATOL = 2e-4;
    static final double RTOL = 2e-3;
    private static final int M = 3;
    private static final int IN = 4;
    private static final int UNITS = 5;

    static Stream<Activation> activations() {
        return Stream.of(
                Activations.LINEAR,
                Activations.SIGMOID,
                Activations.TANH,
                Activations.RELU,
                Activations.leakyRelu(0.2),
                Activations.SOFTMAX);
    }

    /** A dense layer on a variable input, its loss sum(R * out) and the values to perturb. */
    private record Net(
            GraphContext g,
            DenseLayer layer,
            WeightVariable<TFloat32> x,
            Operand<TFloat32> out,
            Operand<TFloat32> loss) {}

    private static Net net(GraphContext g, DenseLayer layer) {
        Ops tf = g.tf();
        float[] data = GradCheck.uniformFloats(new Random(5), M * IN, -1.5, 1.5);
        WeightVariable<TFloat32> x =
                g.variable("x", tf.constant(Shape.of(M, IN), DataBuffers.of(data)), false);
        layer.build(g, new long[] {IN});
        Operand<TFloat32> out = layer.call(g, x.read(), tf.constant(true));
        float[] r = GradCheck.uniformFloats(new Random(9), M * UNITS, -1, 1);
        return new Net(g, layer, x, out, GradCheck.weightedSum(tf, out, r, M, UNITS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void should_match_finite_differences_for_dense(Activation activation) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            DenseLayer layer =
                    DenseLayer.builder()
                            .setUnits(UNITS)
                            .optName("d")
                            .optActivation(activation)
                            .build();
            Net net = net(g, layer);
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>(List.of(net.x()));
            wrt.addAll(layer.variables());
            // then: the kink of relu/leaky_relu stays out of every +-eps probe
            float[] z = GradCheck.fetch(g, layer.preActivation());
            if (activation.isReluFamily()) {
                for (float v : z) assertThat(Math.abs(v)).isGreaterThan((float) (3 * EPS));
            }
            GradCheck.checkFloat32(g, net.loss(), wrt, EPS, ATOL, RTOL);
        }
    }

    @Test
    void should_match_finite_differences_for_dense_with_batch_norm() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            DenseLayer layer =
                    DenseLayer.builder()
                            .setUnits(UNITS)
                            .optName("d")
                            .optActivation("tanh")
                            .optBatchNorm(true)
                            .build();
            Net net = net(g, layer);
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>(List.of(net.x()));
            wrt.addAll(layer.variables().stream().filter(WeightVariable::trainable).toList());
            // then: over m = 3 samples the normalisation has large third derivatives, so a smaller
            // step (truncation ~eps^2; at eps = 1e-2 it reached 1.5e-3, at 3e-3 it is ~1.4e-4)
            GradCheck.checkFloat32(g, net.loss(), wrt, 3e-3, ATOL, RTOL);
        }
    }

    @Test
    void should_compute_a_w_plus_b_then_the_activation() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            DenseLayer layer =
                    DenseLayer.builder()
                            .setUnits(UNITS)
                            .optName("d")
                            .optActivation("sigmoid")
                            .build();
            Net net = net(g, layer);
            GradCheck.Setter setter = new GradCheck.Setter(g, layer.variables());
            double[] bias = GradCheck.uniform(new Random(2), UNITS, -1, 1);
            setter.set(1, bias);
            // when
            float[] out = GradCheck.fetch(g, net.out());
            // then: out[i][j] = sigmoid(sum_k x[i][k] W[k][j] + b[j]), by hand
            double[] x = GradCheck.toDouble(GradCheck.fetch(g, net.x().read()));
            double[] w = setter.get(0);
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < UNITS; j++) {
                    double zij = bias[j];
                    for (int k = 0; k < IN; k++) zij += x[i * IN + k] * w[k * UNITS + j];
                    assertThat(out[i * UNITS + j])
                            .isCloseTo((float) (1 / (1 + Math.exp(-zij))), within(1e-6f));
                }
            }
        }
    }

    @Test
    void should_replace_the_bias_by_batch_norm_parameters() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            DenseLayer layer =
                    DenseLayer.builder()
                            .setUnits(UNITS)
                            .optName("hidden")
                            .optActivation("relu")
                            .optBatchNorm(true)
                            .build();
            // when
            layer.build(g, new long[] {IN});
            // then
            assertThat(layer.useBias()).isFalse();
            assertThat(layer.variables())
                    .extracting(WeightVariable::name)
                    .containsExactly(
                            "hidden_kernel",
                            "hidden_gamma",
                            "hidden_beta",
                            "hidden_moving_mean",
                            "hidden_moving_variance");
            assertThat(layer.regularizedWeights())
                    .extracting(WeightVariable::name)
                    .containsExactly("hidden_kernel");
            assertThat(layer.initializer()).isSameAs(Initializers.HE);
            // 2*4*5 for A W, 4*5 for batch norm, no bias
            assertThat(layer.flops()).isEqualTo(2 * IN * UNITS + 4 * UNITS);
        }
    }

    @Test
    void should_refuse_a_non_flat_input() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            DenseLayer layer = DenseLayer.builder().setUnits(3).optName("d").build();
            assertThatThrownBy(() -> layer.build(g, new long[] {28, 28, 1}))
                    .hasMessage(
                            "dense layer 'd' needs a flat input shape [features], got [28, 28, 1]");
        }
    }
}
