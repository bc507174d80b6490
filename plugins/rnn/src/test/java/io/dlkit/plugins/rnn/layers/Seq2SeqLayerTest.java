package io.dlkit.plugins.rnn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The encoder-decoder's forward pass against the notes' LSTM equations in plain Java: the source
 * (padded with -1, which the encoder skips) is encoded, its final (a, c) starts the decoder over
 * the decoder inputs, and each decoder output goes through the output layer.
 */
class Seq2SeqLayerTest {
    private static final int V = 4, E = 2, U = 3, S = 3, T = 2;
    private static final float[] TABLE = FixedWeights.pattern(V * E, 0.3, 0.9);
    private static final float[] EK = FixedWeights.pattern(E * 4 * U, 0.5, 0.6);
    private static final float[] ERK = FixedWeights.pattern(U * 4 * U, 1.1, 0.5);
    private static final float[] EB = FixedWeights.pattern(4 * U, 2.0, 0.3);
    private static final float[] DK = FixedWeights.pattern(E * 4 * U, 0.7, 0.6);
    private static final float[] DRK = FixedWeights.pattern(U * 4 * U, 1.9, 0.5);
    private static final float[] DB = FixedWeights.pattern(4 * U, 0.2, 0.3);
    private static final float[] OK = FixedWeights.pattern(U * V, 0.4, 0.8);
    private static final float[] OB = FixedWeights.pattern(V, 0.6, 0.2);

    @Test
    void should_start_the_decoder_from_the_encoders_final_state() {
        // row 0: source [1, 2, pad], decoder inputs [0, 3]; row 1: source [3, 1, 2], inputs [0, 1]
        float[] x = {1, 2, -1, 0, 3, 3, 1, 2, 0, 1};
        Seq2SeqLayer layer = new Seq2SeqLayer("s", S, T, V, E, U, null);
        float[] y =
                FixedWeights.run(
                        layer, new long[] {S + T}, 2, x, TABLE, EK, ERK, EB, DK, DRK, DB, OK, OB);
        for (int r = 0; r < 2; r++) {
            double[] a = new double[U], c = new double[U];
            for (int t = 0; t < S; t++) {
                int id = (int) x[r * (S + T) + t];
                if (id < 0) continue;
                double[][] ac = Reference.lstm(vector(id), a, c, EK, ERK, EB, U);
                a = ac[0];
                c = ac[1];
            }
            for (int t = 0; t < T; t++) {
                double[][] ac =
                        Reference.lstm(vector((int) x[r * (S + T) + S + t]), a, c, DK, DRK, DB, U);
                a = ac[0];
                c = ac[1];
                for (int v = 0; v < V; v++) {
                    double z = OB[v];
                    for (int j = 0; j < U; j++) z += a[j] * OK[j * V + v];
                    assertThat(y[(r * T + t) * V + v]).isCloseTo((float) z, within(1e-5f));
                }
            }
        }
    }

    private static double[] vector(int id) {
        return new double[] {TABLE[id * E], TABLE[id * E + 1]};
    }
}
