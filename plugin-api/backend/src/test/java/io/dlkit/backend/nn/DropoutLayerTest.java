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
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

class DropoutLayerTest {
    private static final int ROWS = 10;
    private static final int COLS = 8;
    private static final double KEEP = 0.7;

    /** A dropout layer on a float variable x in [0.5, 2], with a fed training flag. */
    private record Net(
            GraphContext g,
            DropoutLayer layer,
            WeightVariable<TFloat32> x,
            Placeholder<TBool> training,
            Operand<TFloat32> out) {
        float[] run(boolean train, boolean update) {
            try (TBool flag = TBool.scalarOf(train)) {
                var runner = g.session().runner().feed(training, flag).fetch(out);
                if (update) layer.trainingUpdates().forEach(runner::addTarget);
                try (Result r = runner.run()) {
                    return Tensors.toFloats(r.get(0));
                }
            }
        }
    }

    private static Net net(GraphContext g, double keep) {
        Ops tf = g.tf();
        float[] data = GradCheck.uniformFloats(new Random(4), ROWS * COLS, 0.5, 2);
        WeightVariable<TFloat32> x =
                g.variable("x", tf.constant(Shape.of(ROWS, COLS), DataBuffers.of(data)), false);
        Placeholder<TBool> training =
                tf.placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
        DropoutLayer layer = new DropoutLayer("drop", keep);
        layer.build(g, new long[] {COLS});
        return new Net(g, layer, x, training, layer.call(g, x.read(), training));
    }

    @Test
    void should_match_finite_differences_with_a_fixed_mask() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            // given: no training update runs, so the mask counter stays and every run sees one mask
            Ops tf = g.tf();
            DropoutLayer layer = new DropoutLayer("drop", KEEP);
            WeightVariable<TFloat32> x =
                    g.variable(
                            "x",
                            tf.constant(
                                    Shape.of(3, 4),
                                    DataBuffers.of(
                                            GradCheck.uniformFloats(new Random(1), 12, -1, 1))),
                            false);
            layer.build(g, new long[] {4});
            Operand<TFloat32> out = layer.call(g, x.read(), tf.constant(true));
            Operand<TFloat32> loss =
                    GradCheck.weightedSum(
                            tf, out, GradCheck.uniformFloats(new Random(2), 12, -1, 1), 3, 4);
            // then: the loss is linear in x, so float32 differences are exact up to round-off
            GradCheck.checkFloat32(g, loss, List.of(x), 1e-2, 1e-4, 1e-3);
        }
    }

    /**
     * Each output is x D / p with D ~ Bernoulli(p): mean x, standard deviation x sqrt((1 - p) / p).
     * Over K masks the per-element mean has standard deviation x sqrt((1 - p) / (p K)); over all K
     * * 80 draws the ratio out / x has sqrt((1 - p) / (p K 80)). We allow five of each.
     */
    @Test
    void should_keep_the_expected_activation_over_many_masks() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            // given
            Net net = net(g, KEEP);
            float[] x = GradCheck.fetch(g, net.x().read());
            int k = 200;
            double[] sum = new double[x.length];
            double ratioSum = 0;
            long kept = 0;
            // when
            for (int step = 0; step < k; step++) {
                float[] out = net.run(true, true);
                for (int i = 0; i < x.length; i++) {
                    // every element is dropped or scaled by exactly 1 / keep_prob
                    assertThat(
                                    out[i] == 0
                                            || Math.abs(out[i] - x[i] / (float) KEEP)
                                                    <= 1e-6f * x[i])
                            .isTrue();
                    sum[i] += out[i];
                    ratioSum += out[i] / x[i];
                    kept += out[i] != 0 ? 1 : 0;
                }
            }
            // then
            double spread = Math.sqrt((1 - KEEP) / KEEP);
            for (int i = 0; i < x.length; i++) {
                assertThat(sum[i] / k).isCloseTo(x[i], within(5 * x[i] * spread / Math.sqrt(k)));
            }
            long draws = (long) k * x.length;
            assertThat(ratioSum / draws).isCloseTo(1.0, within(5 * spread / Math.sqrt(draws)));
            assertThat((double) kept / draws)
                    .isCloseTo(KEEP, within(5 * Math.sqrt(KEEP * (1 - KEEP) / draws)));
        }
    }

    @Test
    void should_be_the_identity_when_not_training() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            // given
            Net net = net(g, KEEP);
            // when
            float[] out = net.run(false, false);
            // then
            assertThat(out).containsExactly(GradCheck.fetch(g, net.x().read()));
        }
    }

    @Test
    void should_draw_a_new_mask_per_training_step_and_reproduce_the_sequence() {
        float[][] first = masks(99);
        float[][] again = masks(99);
        // then: the update changes the mask; a fresh graph with the same seed repeats them all
        assertThat(first[1]).containsExactly(first[0]);
        assertThat(first[2]).isNotEqualTo(first[1]);
        for (int i = 0; i < first.length; i++) {
            assertThat(again[i]).containsExactly(first[i]);
        }
    }

    private static float[][] masks(long seed) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, seed)) {
            Net net = net(g, 0.5);
            float[] a = net.run(true, false);
            float[] b = net.run(true, true); // same mask as a, then the counter advances
            float[] c = net.run(true, false);
            return new float[][] {a, b, c};
        }
    }

    @Test
    void should_be_the_identity_without_state_when_keep_prob_is_one() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            // when
            Net net = net(g, 1.0);
            // then
            assertThat(net.run(true, true)).containsExactly(GradCheck.fetch(g, net.x().read()));
            assertThat(g.variables()).extracting(WeightVariable::name).containsExactly("x");
        }
    }

    @Test
    void should_reject_keep_prob_outside_zero_one() {
        assertThatThrownBy(() -> new DropoutLayer(0))
                .hasMessage("keep_prob must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new DropoutLayer(1.5))
                .hasMessage("keep_prob must be in (0, 1], got 1.5");
    }
}
