package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The sequence objective against a hand calculation and finite differences. */
class SequenceCrossEntropyTest {
    // batch 1, T = 3, vocab 3; the last step is padding (-1)
    private static final float[] Z = {2, 0, 0, 0, 1, 0, 5, 5, 5};
    private static final float[] Y = {0, 2, -1};

    @Test
    void should_average_the_cross_entropy_over_the_unmasked_steps() {
        double step0 = -Math.log(Math.exp(2) / (Math.exp(2) + 2)); // 0.2395
        double step1 = -Math.log(1 / (Math.exp(1) + 2)); // 1.5514
        double[] lossAndBits = run(Z);
        assertThat(lossAndBits[0]).isCloseTo((step0 + step1) / 2, within(1e-5));
        assertThat(lossAndBits[0]).isCloseTo(0.8955, within(1e-4));
        assertThat(lossAndBits[1]).isCloseTo(lossAndBits[0] / Math.log(2), within(1e-5));
    }

    @Test
    void should_have_a_gradient_that_matches_finite_differences_and_is_zero_on_padding() {
        float[] grad = gradient(Z);
        for (int i = 0; i < Z.length; i++) {
            float[] up = Z.clone(), down = Z.clone();
            up[i] += 1e-2f;
            down[i] -= 1e-2f;
            double numeric = (run(up)[0] - run(down)[0]) / 2e-2;
            assertThat((double) grad[i]).as("dL/dz[%d]", i).isCloseTo(numeric, within(1e-3));
        }
        assertThat(grad).endsWith(0f, 0f, 0f);
    }

    @Test
    void should_refuse_logits_that_are_not_per_step() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Operand<TFloat32> z = g.tf().constant(new float[][] {{1, 2}});
            assertThatThrownBy(() -> new SequenceCrossEntropy().build(g, inputs(z, g)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "the sequence cross-entropy needs logits [batch, steps, vocab] (a"
                                    + " time_dense output with vocab units, linear), got shape [1, 2]");
        }
    }

    private static Objective.Inputs inputs(Operand<TFloat32> z, GraphContext g) {
        Operand<TFloat32> y =
                g.tf().reshape(g.tf().constant(Y), g.tf().constant(new long[] {1, 3}));
        return new Objective.Inputs(
                Map.of("output", new Model.Forward(z, z, "linear")), Map.of("targets", y));
    }

    private static double[] run(float[] logits) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Operand<TFloat32> z =
                    g.tf().constant(
                                    Shape.of(1, 3, 3),
                                    org.tensorflow.ndarray.buffer.DataBuffers.of(logits));
            Objective.Loss l = new SequenceCrossEntropy().build(g, inputs(z, g));
            try (Result r =
                    g.session()
                            .runner()
                            .fetch(l.loss())
                            .fetch(l.metrics().get("bits_per_char"))
                            .run()) {
                return new double[] {Tensors.toFloat(r.get(0)), Tensors.toFloat(r.get(1))};
            }
        }
    }

    private static float[] gradient(float[] logits) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            var z = g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 3, 3)));
            Objective.Loss l = new SequenceCrossEntropy().build(g, inputs(z, g));
            var grad = g.tf().gradients(l.loss(), List.of(z));
            try (TFloat32 feed = Tensors.floats(logits, 1, 3, 3);
                    Result r = g.session().runner().feed(z, feed).fetch(grad.dy(0)).run()) {
                return Tensors.toFloats(r.get(0));
            }
        }
    }
}
