package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Activations in float64: forward values against Java formulas, gradients against finite
 * differences.
 */
class ActivationsTest {
    private static final long[] SHAPE = {3, 4};

    static Stream<Arguments> elementWise() {
        return Stream.of(
                Arguments.of(Activations.LINEAR, (DoubleUnaryOperator) z -> z),
                Arguments.of(
                        Activations.SIGMOID, (DoubleUnaryOperator) z -> 1 / (1 + Math.exp(-z))),
                Arguments.of(Activations.TANH, (DoubleUnaryOperator) Math::tanh),
                Arguments.of(Activations.RELU, (DoubleUnaryOperator) z -> Math.max(0, z)),
                Arguments.of(
                        Activations.LEAKY_RELU,
                        (DoubleUnaryOperator) z -> Math.max((double) 0.01f * z, z)),
                Arguments.of(
                        Activations.leakyRelu(0.2),
                        (DoubleUnaryOperator) z -> Math.max((double) 0.2f * z, z)));
    }

    // LeakyRelu's alpha is a float32 attribute, hence (double) 0.01f above

    /** Inputs in [-2, 2] kept 0.1 away from the ReLU kink, far beyond the 1e-6 step. */
    private static double[] inputs() {
        double[] z = GradCheck.uniform(new Random(3), 12, -2, 2);
        for (int i = 0; i < z.length; i++) {
            z[i] += Math.signum(z[i]) * 0.1;
        }
        return z;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementWise")
    void should_compute_the_formula_and_match_finite_differences(
            Activation a, DoubleUnaryOperator g) {
        // given
        double[] z = inputs();
        try (GraphContext ctx = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Ops tf = ctx.tf();
            Placeholder<TFloat64> x =
                    tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE)));
            Operand<TFloat64> y = a.apply(tf, x);
            Operand<TFloat64> loss = weightedSum(tf, y);
            // when
            double[] out = GradCheck.run64(ctx.session(), x, z, SHAPE, y);
            // then: forward values, then float64 gradients (eps 1e-6: round-off ~1e-16/1e-6)
            for (int i = 0; i < z.length; i++) {
                assertThat(out[i])
                        .as("%s(%s)", a, z[i])
                        .isCloseTo(g.applyAsDouble(z[i]), within(1e-12));
            }
            GradCheck.checkFloat64(tf, ctx.session(), x, z, SHAPE, loss, 1e-6, 1e-7, 1e-6);
        }
    }

    @Test
    void should_match_finite_differences_for_softmax_rows() {
        // given
        double[] z = inputs();
        try (GraphContext ctx = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Ops tf = ctx.tf();
            Placeholder<TFloat64> x =
                    tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(SHAPE)));
            Operand<TFloat64> y = Activations.SOFTMAX.apply(tf, x);
            // when
            double[] out = GradCheck.run64(ctx.session(), x, z, SHAPE, y);
            // then: e^z_i / sum_j e^z_j per row of 4
            for (int row = 0; row < 3; row++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) sum += Math.exp(z[row * 4 + k]);
                for (int k = 0; k < 4; k++) {
                    assertThat(out[row * 4 + k])
                            .isCloseTo(Math.exp(z[row * 4 + k]) / sum, within(1e-12));
                }
            }
            GradCheck.checkFloat64(
                    tf, ctx.session(), x, z, SHAPE, weightedSum(tf, y), 1e-6, 1e-7, 1e-6);
        }
    }

    @Test
    void should_refuse_softmax_on_rank_3() {
        try (GraphContext ctx = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Ops tf = ctx.tf();
            Placeholder<TFloat64> x =
                    tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(2, 3, 4)));
            assertThatThrownBy(() -> Activations.SOFTMAX.apply(tf, x))
                    .hasMessage(
                            "softmax needs a rank-2 input [batch, classes], got shape [2, 3, 4]");
        }
    }

    @Test
    void should_list_the_valid_names_for_a_bad_one() {
        assertThatThrownBy(() -> Activations.get("rleu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unknown activation 'rleu' (did you mean relu?); valid: linear, sigmoid, tanh, relu, relu6, leaky_relu, softmax");
        assertThatThrownBy(() -> Activations.resolve("swish", "layers[0].activation"))
                .hasMessage(
                        "layers[0].activation: unknown activation 'swish'; valid: linear, sigmoid, tanh, relu, relu6, leaky_relu, softmax");
    }

    @Test
    void should_resolve_names_maps_and_instances_and_round_trip() {
        // given
        Activation leaky = Activations.resolve(Map.of("name", "leaky_relu", "slope", 0.2), "a");
        // then
        assertThat(leaky.slope()).isEqualTo(0.2);
        assertThat(Activations.resolve(leaky.config(), "a")).isEqualTo(leaky);
        assertThat(Activations.resolve("tanh", "a")).isSameAs(Activations.TANH);
        assertThat(Activations.resolve(Activations.RELU, "a")).isSameAs(Activations.RELU);
        assertThat(Activations.LEAKY_RELU.config()).isEqualTo("leaky_relu");
        assertThat(Activations.get("leaky_relu").slope()).isEqualTo(0.01);
    }

    @Test
    void should_reject_a_bad_slope_with_its_path() {
        assertThatThrownBy(
                        () ->
                                Activations.resolve(
                                        Map.of("name", "leaky_relu", "slope", 1.5),
                                        "layers[2].activation"))
                .hasMessage("layers[2].activation.slope: must be in [0, 1), got 1.5");
        assertThatThrownBy(
                        () ->
                                Activations.resolve(
                                        Map.of("name", "relu", "slope", 0.1),
                                        "layers[2].activation"))
                .hasMessage(
                        "layers[2].activation.slope: unknown key for activation relu; valid keys: name");
        assertThatThrownBy(() -> Activations.leakyRelu(-0.1))
                .hasMessage("slope must be in [0, 1), got -0.1");
    }

    private static Operand<TFloat64> weightedSum(Ops tf, Operand<TFloat64> y) {
        double[] r = GradCheck.uniform(new Random(11), 12, -1, 1);
        Operand<TFloat64> prod =
                tf.math.mul(
                        y,
                        tf.constant(
                                Shape.of(SHAPE), org.tensorflow.ndarray.buffer.DataBuffers.of(r)));
        return tf.sum(tf.reshape(prod, tf.constant(new long[] {-1})), tf.constant(0));
    }
}
