package io.dlkit.plugins.rnn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.backend.nn.Initializers;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dlkit's lstm and gru give PyTorch's outputs for PyTorch's weights (tests/fixtures/rnn/
 * torch-rnn.json, written by torch_rnn_fixture.py with PyTorch 1.13). LSTM: the same gate order (i,
 * f, g, o = the notes' update, forget, candidate, output), kernels transposed, the two biases
 * added. GRU: PyTorch applies the reset gate after the recurrent product, which the notes' variant
 * cannot express, so the check runs the layer's {@code reset_after: true} variant with z negated
 * (the notes' update gate is 1 - z); the notes' variant itself is checked in {@link
 * CellForwardTest}.
 */
class TorchParityTest {
    private static final Path FIXTURE = Path.of("../../tests/fixtures/rnn/torch-rnn.json");
    private static JsonNode fixture;
    private static int b, t, f, u;
    private static float[] x;

    @BeforeAll
    static void read() throws IOException {
        fixture = new ObjectMapper().readTree(FIXTURE.toFile());
        b = fixture.get("batch").asInt();
        t = fixture.get("steps").asInt();
        f = fixture.get("features").asInt();
        u = fixture.get("units").asInt();
        x = flat(fixture.get("x"), b * t * f);
    }

    @Test
    void should_give_pytorchs_lstm_outputs_for_its_weights() {
        JsonNode w = fixture.get("lstm").get("weights");
        float[] kernel = transposed(w.get("weight_ih_l0"), 4 * u, f);
        float[] recurrent = transposed(w.get("weight_hh_l0"), 4 * u, u);
        float[] bias = sum(flat(w.get("bias_ih_l0"), 4 * u), flat(w.get("bias_hh_l0"), 4 * u));
        LstmLayer layer = new LstmLayer("l", u, true, Initializers.XAVIER);
        float[] y = FixedWeights.run(layer, new long[] {t, f}, b, x, kernel, recurrent, bias);
        assertThat(y)
                .containsExactly(
                        flat(fixture.get("lstm").get("outputs"), b * t * u), within(1e-5f));
    }

    @Test
    void should_give_pytorchs_gru_outputs_with_the_reset_gate_after_the_product() {
        JsonNode w = fixture.get("gru").get("weights");
        float[] kernel = negateFirstBlock(transposed(w.get("weight_ih_l0"), 3 * u, f), f, swapRz());
        float[] recurrent =
                negateFirstBlock(transposed(w.get("weight_hh_l0"), 3 * u, u), u, swapRz());
        float[] bias = negateFirstBlock(flat(w.get("bias_ih_l0"), 3 * u), 1, swapRz());
        float[] recurrentBias = negateFirstBlock(flat(w.get("bias_hh_l0"), 3 * u), 1, swapRz());
        GruLayer layer = new GruLayer("g", u, true, Initializers.XAVIER, true);
        float[] y =
                FixedWeights.run(
                        layer, new long[] {t, f}, b, x, kernel, recurrent, bias, recurrentBias);
        assertThat(y)
                .containsExactly(flat(fixture.get("gru").get("outputs"), b * t * u), within(1e-5f));
    }

    @Test
    void should_differ_from_pytorchs_gru_in_the_notes_variant() {
        JsonNode w = fixture.get("gru").get("weights");
        float[] kernel = negateFirstBlock(transposed(w.get("weight_ih_l0"), 3 * u, f), f, swapRz());
        float[] recurrent =
                negateFirstBlock(transposed(w.get("weight_hh_l0"), 3 * u, u), u, swapRz());
        float[] bias =
                sum(
                        negateFirstBlock(flat(w.get("bias_ih_l0"), 3 * u), 1, swapRz()),
                        negateFirstBlock(flat(w.get("bias_hh_l0"), 3 * u), 1, swapRz()));
        GruLayer layer = new GruLayer("n", u, true, Initializers.XAVIER);
        float[] y = FixedWeights.run(layer, new long[] {t, f}, b, x, kernel, recurrent, bias);
        float[] torch = flat(fixture.get("gru").get("outputs"), b * t * u);
        double worst = 0;
        for (int i = 0; i < y.length; i++) worst = Math.max(worst, Math.abs(y[i] - torch[i]));
        assertThat(worst).as("the two GRU variants are different functions").isGreaterThan(1e-3);
    }

    /** PyTorch's GRU blocks r, z, n become dlkit's u (= z), r, c: the column order [1, 0, 2]. */
    private static int[] swapRz() {
        return new int[] {1, 0, 2};
    }

    /** {@code [rows, cols]} row-major from PyTorch's {@code [cols, rows]} nested list. */
    private static float[] transposed(JsonNode m, int torchRows, int torchCols) {
        float[] out = new float[torchRows * torchCols];
        for (int i = 0; i < torchRows; i++)
            for (int j = 0; j < torchCols; j++)
                out[j * torchRows + i] = (float) m.get(i).get(j).asDouble();
        return out;
    }

    /**
     * Reorders the three column blocks of {@code [rows, 3u]} by {@code order} (new block k is old
     * block order[k]) and negates the new first block (the update gate).
     */
    private static float[] negateFirstBlock(float[] m, int rows, int[] order) {
        int cols = m.length / rows;
        int block = cols / 3;
        float[] out = new float[m.length];
        for (int r = 0; r < rows; r++)
            for (int k = 0; k < 3; k++)
                for (int j = 0; j < block; j++) {
                    float v = m[r * cols + order[k] * block + j];
                    out[r * cols + k * block + j] = k == 0 ? -v : v;
                }
        return out;
    }

    private static float[] sum(float[] a, float[] c) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i] + c[i];
        return out;
    }

    private static float[] flat(JsonNode n, int size) {
        float[] out = new float[size];
        int[] at = {0};
        fill(n, out, at);
        assertThat(at[0]).isEqualTo(size);
        return out;
    }

    private static void fill(JsonNode n, float[] out, int[] at) {
        if (n.isArray()) n.forEach(c -> fill(c, out, at));
        else out[at[0]++] = (float) n.asDouble();
    }
}
