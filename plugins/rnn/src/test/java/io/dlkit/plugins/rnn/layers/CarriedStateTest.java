package io.dlkit.plugins.rnn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.Initializers;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A stateful LSTM (truncated BPTT): consecutive training batches of T steps continue the same
 * streams, so they give what one run over 2T steps gives; the state restarts every reset_every
 * batches and is never used at evaluation. The reference is the notes' equations in plain Java.
 */
class CarriedStateTest {
    private static final int B = 2, T = 2, F = 2, U = 3;
    private static final float[] K = FixedWeights.pattern(F * 4 * U, 0.5, 0.6);
    private static final float[] RK = FixedWeights.pattern(U * 4 * U, 1.1, 0.5);
    private static final float[] BIAS = FixedWeights.pattern(4 * U, 2.0, 0.3);
    private static final float[] X = FixedWeights.pattern(B * 2 * T * F, 0.1, 1.0);

    @Test
    void should_continue_each_row_from_the_state_the_previous_batch_ended_with() {
        try (Stateful s = new Stateful(3)) {
            float[] first = s.step(window(0), true);
            float[] second = s.step(window(1), true);
            float[] whole = reference(2 * T);
            assertThat(first).containsExactly(slice(whole, 0), within(1e-5f));
            assertThat(second).containsExactly(slice(whole, 1), within(1e-5f));
        }
    }

    @Test
    void should_restart_from_zeros_every_reset_every_batches_and_at_evaluation() {
        try (Stateful s = new Stateful(2)) {
            s.step(window(0), true);
            s.step(window(1), true);
            float[] restarted = s.step(window(1), true);
            float[] evaluated = s.step(window(1), false);
            float[] fresh = reference(T, 1);
            assertThat(restarted).containsExactly(fresh, within(1e-5f));
            assertThat(evaluated).containsExactly(fresh, within(1e-5f));
        }
    }

    @Test
    void should_report_that_it_needs_its_batches_in_order() {
        LstmLayer layer = new LstmLayer("s", U, true, Initializers.XAVIER);
        assertThat(layer.needsBatchesInOrder()).isFalse();
        layer.setStateful(B, 0);
        assertThat(layer.needsBatchesInOrder()).isTrue();
        assertThat(layer.config())
                .containsEntry("stateful_batch", B)
                .containsEntry("reset_every", 0);
    }

    /** Window {@code w} (steps {@code [wT, wT + T)}) of every row, {@code [B, T, F]}. */
    private static float[] window(int w) {
        float[] out = new float[B * T * F];
        for (int b = 0; b < B; b++)
            System.arraycopy(X, (b * 2 * T + w * T) * F, out, b * T * F, T * F);
        return out;
    }

    /**
     * Outputs {@code [B, T, U]} of window {@code w} out of a whole-run output {@code [B, 2T, U]}.
     */
    private static float[] slice(float[] whole, int w) {
        float[] out = new float[B * T * U];
        for (int b = 0; b < B; b++)
            System.arraycopy(whole, (b * 2 * T + w * T) * U, out, b * T * U, T * U);
        return out;
    }

    private static float[] reference(int steps) {
        return reference(steps, 0);
    }

    /** The notes' LSTM from zeros over {@code steps} steps starting at window {@code from}. */
    private static float[] reference(int steps, int from) {
        float[] y = new float[B * steps * U];
        for (int b = 0; b < B; b++) {
            double[] a = new double[U], c = new double[U];
            for (int t = 0; t < steps; t++) {
                double[][] ac =
                        Reference.lstm(
                                Reference.row(X, b, from * T + t, 2 * T, F), a, c, K, RK, BIAS, U);
                a = ac[0];
                c = ac[1];
                for (int j = 0; j < U; j++) y[(b * steps + t) * U + j] = (float) a[j];
            }
        }
        return y;
    }

    /** A stateful layer in its own graph, weights set to K, RK, BIAS. */
    private static final class Stateful implements AutoCloseable {
        private final GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7);
        private final Placeholder<TFloat32> in;
        private final Placeholder<TBool> training;
        private final Operand<TFloat32> y;
        private final LstmLayer layer = new LstmLayer("s", U, true, Initializers.XAVIER);

        Stateful(int resetEvery) {
            in = g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, T, F)));
            training = g.tf().placeholder(TBool.class, Placeholder.shape(Shape.scalar()));
            layer.setStateful(B, resetEvery);
            layer.build(g, new long[] {T, F});
            y = layer.call(g, in, training);
            Session.Runner r = g.session().runner();
            float[][] weights = {K, RK, BIAS};
            for (int i = 0; i < 3; i++) {
                var v = layer.variables().get(i);
                r.addTarget(
                        g.tf().assign(
                                        v.variable(),
                                        g.tf().constant(
                                                        Shape.of(v.read().shape().asArray()),
                                                        org.tensorflow.ndarray.buffer.DataBuffers
                                                                .of(weights[i]))));
            }
            r.run().close();
        }

        float[] step(float[] x, boolean train) {
            Session.Runner r = g.session().runner();
            try (TFloat32 xt = Tensors.floats(x, B, T, F);
                    TBool tt = TBool.scalarOf(train)) {
                r.feed(in, xt).feed(training, tt).fetch(y);
                if (train) layer.trainingUpdates().forEach(r::addTarget);
                try (Result res = r.run()) {
                    return Tensors.toFloats(res.get(0));
                }
            }
        }

        @Override
        public void close() {
            g.close();
        }
    }
}
