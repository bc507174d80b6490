package io.dlkit.plugins.embeddings.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * One SGD step against a hand calculation. D = 2, alpha = 0.1, input vector e = (0.5, -0.25);
 * output rows theta_1 = (0.2, 0.4) and theta_2 = (-0.6, 0.8). A table of 10^7 entries makes sigma
 * exact to 4e-7, so the numbers below are the exact-sigmoid ones.
 */
class KernelsTest {
    private static final SigmoidTable FINE = new SigmoidTable(10_000_000);

    @Test
    void should_make_one_skip_gram_negative_sampling_step_as_computed_by_hand() {
        // given: input word 0, positive word 1, negatives {2, 1}: the second equals the positive
        // and is skipped, as in the C tool
        float[] syn0 = {0.5f, -0.25f, 9f, 9f, 9f, 9f};
        float[] syn1neg = {7f, 7f, 0.2f, 0.4f, -0.6f, 0.8f};
        float[] neu1e = new float[2];

        // when
        Kernels.negativeSampling(syn0, 0, syn1neg, 2, 1, new int[] {2, 1}, 2, 0.1f, FINE, neu1e);
        for (int d = 0; d < 2; d++) {
            syn0[d] += neu1e[d];
        }

        // then
        // positive: f = 0.5*0.2 - 0.25*0.4 = 0, g = (1 - sigma(0)) * 0.1 = 0.05
        //   neu1e = 0.05 * (0.2, 0.4) = (0.01, 0.02); theta_1 += 0.05 * e = (0.225, 0.3875)
        // negative: f = 0.5*-0.6 - 0.25*0.8 = -0.5, g = (0 - sigma(-0.5)) * 0.1 = -0.0377540669
        //   neu1e += g * (-0.6, 0.8) -> (0.0326524401, -0.0102032535)
        //   theta_2 += g * e = (-0.6188770334, 0.8094385167)
        // e += neu1e = (0.5326524401, -0.2602032535)
        float tol = 1e-6f;
        assertThat(neu1e[0]).isCloseTo(0.0326524401f, within(tol));
        assertThat(neu1e[1]).isCloseTo(-0.0102032535f, within(tol));
        assertThat(syn1neg[2]).isCloseTo(0.225f, within(tol));
        assertThat(syn1neg[3]).isCloseTo(0.3875f, within(tol));
        assertThat(syn1neg[4]).isCloseTo(-0.6188770334f, within(tol));
        assertThat(syn1neg[5]).isCloseTo(0.8094385167f, within(tol));
        assertThat(syn0[0]).isCloseTo(0.5326524401f, within(tol));
        assertThat(syn0[1]).isCloseTo(-0.2602032535f, within(tol));
        // untouched rows
        assertThat(syn1neg[0]).isEqualTo(7f);
        assertThat(syn0[2]).isEqualTo(9f);
    }

    @Test
    void should_make_one_hierarchical_softmax_step_as_computed_by_hand() {
        // given: the path visits node 0 with code 0, then node 1 with code 1
        float[] in = {0.5f, -0.25f};
        float[] syn1 = {0.2f, 0.4f, -0.6f, 0.8f};
        float[] neu1e = new float[2];

        // when
        Kernels.hierarchicalSoftmax(
                in, 0, syn1, 2, new byte[] {0, 1}, new int[] {0, 1}, 0.1f, FINE, neu1e);

        // then: g0 = (1 - 0 - sigma(0)) 0.1 = 0.05; g1 = (1 - 1 - sigma(-0.5)) 0.1 = -0.0377540669
        // the same numbers as negative sampling: code 0 is label 1, code 1 is label 0
        assertThat(neu1e[0]).isCloseTo(0.0326524401f, within(1e-6f));
        assertThat(neu1e[1]).isCloseTo(-0.0102032535f, within(1e-6f));
        assertThat(syn1[0]).isCloseTo(0.225f, within(1e-6f));
        assertThat(syn1[2]).isCloseTo(-0.6188770334f, within(1e-6f));
    }

    @Test
    void should_skip_hierarchical_softmax_nodes_beyond_the_table_and_clip_negative_sampling() {
        // given: f = 10 at both
        float[] in = {10f};
        float[] syn1 = {1f};
        float[] neu1e = new float[1];
        Kernels.hierarchicalSoftmax(
                in, 0, syn1, 1, new byte[] {0}, new int[] {0}, 0.1f, FINE, neu1e);
        assertThat(syn1[0]).isEqualTo(1f);

        // negative sampling clips instead: the negative (label 0) gets g = (0 - 1) * 0.1
        float[] out = {0f, 1f};
        Kernels.negativeSampling(in, 0, out, 1, 0, new int[] {1}, 1, 0.1f, FINE, neu1e);
        assertThat(out[1]).isCloseTo(1f - 0.1f * 10f, within(1e-6f));
    }

    @Test
    void should_approximate_the_sigmoid_within_the_c_tables_resolution() {
        // the C tool's 1000 entries over [-6, 6): step 0.012, slope at most 1/4, so error <= 0.003
        SigmoidTable table = SigmoidTable.standard();
        double worst = 0;
        for (double x = -5.999; x < 5.999; x += 0.0007) {
            worst = Math.max(worst, Math.abs(table.sigmoid((float) x) - 1 / (1 + Math.exp(-x))));
        }
        assertThat(worst).isLessThan(0.0031).isGreaterThan(0.001);
        assertThat(table.gradient(7f, 1)).isEqualTo(0f);
        assertThat(table.gradient(-7f, 1)).isEqualTo(1f);
        assertThat(table.gradient(-7f, 0)).isEqualTo(0f);
    }
}
