package io.dlkit.plugins.rnn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.Initializers;
import org.junit.jupiter.api.Test;

/** Each cell's whole-sequence forward pass against the notes' equations in plain Java. */
class CellForwardTest {
    private static final int B = 2, T = 3, F = 2, U = 3;
    private static final float[] X = FixedWeights.pattern(B * T * F, 0.1, 1.0);

    @Test
    void should_compute_the_lstm_equations_at_every_step() {
        float[] k = FixedWeights.pattern(F * 4 * U, 0.5, 0.6);
        float[] rk = FixedWeights.pattern(U * 4 * U, 1.1, 0.5);
        float[] b = FixedWeights.pattern(4 * U, 2.0, 0.3);
        LstmLayer layer = new LstmLayer("l", U, true, Initializers.XAVIER);
        float[] y = FixedWeights.run(layer, new long[] {T, F}, B, X, k, rk, b);
        for (int s = 0; s < B; s++) {
            double[] a = new double[U], c = new double[U];
            for (int t = 0; t < T; t++) {
                double[][] ac = Reference.lstm(Reference.row(X, s, t, T, F), a, c, k, rk, b, U);
                a = ac[0];
                c = ac[1];
                for (int j = 0; j < U; j++)
                    assertThat(y[(s * T + t) * U + j]).isCloseTo((float) a[j], within(1e-5f));
            }
        }
    }

    @Test
    void should_compute_the_notes_gru_with_the_relevance_gate_before_the_product() {
        float[] k = FixedWeights.pattern(F * 3 * U, 0.7, 0.8);
        float[] rk = FixedWeights.pattern(U * 3 * U, 1.9, 0.7);
        float[] b = FixedWeights.pattern(3 * U, 0.2, 0.4);
        GruLayer layer = new GruLayer("g", U, false, Initializers.XAVIER);
        float[] y = FixedWeights.run(layer, new long[] {T, F}, B, X, k, rk, b);
        for (int s = 0; s < B; s++) {
            double[] c = new double[U];
            for (int t = 0; t < T; t++)
                c = Reference.gru(Reference.row(X, s, t, T, F), c, k, rk, b, U);
            for (int j = 0; j < U; j++)
                assertThat(y[s * U + j]).isCloseTo((float) c[j], within(1e-5f));
        }
    }

    @Test
    void should_compute_the_basic_rnn_cell() {
        float[] k = FixedWeights.pattern(F * U, 0.3, 0.9);
        float[] rk = FixedWeights.pattern(U * U, 1.4, 0.9);
        float[] b = FixedWeights.pattern(U, 0.9, 0.2);
        SimpleRnnLayer layer = new SimpleRnnLayer("r", U, true, Initializers.XAVIER);
        float[] y = FixedWeights.run(layer, new long[] {T, F}, B, X, k, rk, b);
        for (int s = 0; s < B; s++) {
            double[] a = new double[U];
            for (int t = 0; t < T; t++) {
                a = Reference.rnn(Reference.row(X, s, t, T, F), a, k, rk, b, U);
                for (int j = 0; j < U; j++)
                    assertThat(y[(s * T + t) * U + j]).isCloseTo((float) a[j], within(1e-5f));
            }
        }
    }

    @Test
    void should_give_a_hand_computed_first_step_for_one_unit() {
        // x = 1, all weights 0.5, bias 0: z = 0.5 per gate; c = s(0.5) tanh(0.5), a = s(0.5)
        // tanh(c)
        LstmLayer layer = new LstmLayer("h", 1, false, Initializers.XAVIER);
        float[] y =
                FixedWeights.run(
                        layer,
                        new long[] {1, 1},
                        1,
                        new float[] {1f},
                        new float[] {.5f, .5f, .5f, .5f},
                        new float[] {.5f, .5f, .5f, .5f},
                        new float[4]);
        double s = 1 / (1 + Math.exp(-0.5));
        double c = s * Math.tanh(0.5);
        assertThat(y[0]).isCloseTo((float) (s * Math.tanh(c)), within(1e-6f));
        assertThat((double) y[0])
                .isCloseTo(0.1743, within(1e-4)); // 0.62246 tanh(0.28766) = 0.62246 * 0.27999
    }

    @Test
    void should_start_the_lstm_forget_bias_at_one() {
        LstmLayer layer = new LstmLayer("f", 2, false, Initializers.XAVIER);
        assertThat(layer.initialBias()).containsExactly(0, 0, 1, 1, 0, 0, 0, 0);
    }
}
