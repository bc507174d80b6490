package io.dlkit.plugins.embeddings.debias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.embeddings.WordVectors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DebiasTest {
    @Test
    void should_equalize_a_pair_as_the_notes_formulas_by_hand() {
        // given: g = (1, 0, 0), e1 = (0.5, 0.5, 0.1), e2 = (-0.3, 0.5, 0.1)
        double[] g = {1, 0, 0};

        // when
        double[][] eq =
                Debias.equalize(new double[] {0.5, 0.5, 0.1}, new double[] {-0.3, 0.5, 0.1}, g);

        // then: mu = (0.1, 0.5, 0.1), mu_B = (0.1, 0, 0), mu_perp = (0, 0.5, 0.1), ||mu_perp||^2 =
        // 0.26; e1B - mu_B = (0.4, 0, 0) and ||e1 - mu_perp - mu_B|| = 0.4, so e1B' = sqrt(0.74)
        // (1, 0, 0) and e1 = (0.8602325, 0.5, 0.1); e2 mirrors it
        double s = Math.sqrt(0.74);
        assertThat(eq[0]).containsExactly(new double[] {s, 0.5, 0.1}, within(1e-12));
        assertThat(eq[1]).containsExactly(new double[] {-s, 0.5, 0.1}, within(1e-12));
    }

    @Test
    void should_neutralize_by_removing_the_component_along_the_axis() {
        // e = (3, 4), g = (2, 0): bias component (3*2/4) (2, 0) = (3, 0)
        assertThat(Debias.neutralize(new double[] {3, 4}, new double[] {2, 0}))
                .containsExactly(new double[] {0, 4}, within(1e-12));
        assertThat(Debias.projection(new double[] {3, 4}, new double[] {2, 0})).isEqualTo(3.0);
    }

    @Test
    void should_leave_neutralized_words_at_projection_zero_and_equalized_pairs_equidistant() {
        // given: 50-D random vectors, an axis from two pairs
        Random random = new Random(11);
        List<String> words =
                List.of("he", "she", "man", "woman", "doctor", "nurse", "actor", "actress");
        float[] data = new float[words.size() * 50];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian() * 0.2f;
        }
        WordVectors v = new WordVectors(words, data, 50);

        // when
        Debiasing.Result r =
                Debiasing.apply(
                        v,
                        List.of(new String[] {"she", "he"}, new String[] {"woman", "man"}),
                        List.of("doctor", "nurse"),
                        List.<String[]>of(new String[] {"actor", "actress"}));

        // then: the axis is the mean of the pair differences
        for (int d = 0; d < 50; d++) {
            double expected = ((data[50 + d] - data[d]) + (data[150 + d] - data[100 + d])) / 2.0;
            assertThat(r.axis()[d]).isCloseTo(expected, within(1e-7));
        }
        WordVectors out = r.vectors();
        double[] g = r.axis();
        for (String w : List.of("doctor", "nurse")) {
            assertThat(Debias.projection(Debiasing.row(out, out.indexOf(w)), g))
                    .isCloseTo(0, within(1e-6));
        }
        double[] actor = Debiasing.row(out, out.indexOf("actor"));
        double[] actress = Debiasing.row(out, out.indexOf("actress"));
        for (String w : List.of("doctor", "nurse")) {
            double[] n = Debiasing.row(out, out.indexOf(w));
            assertThat(distance(actor, n)).isCloseTo(distance(actress, n), within(1e-5));
        }
        // the pair was not equidistant before, and the input is untouched
        double[] doctor0 = Debiasing.row(v, v.indexOf("doctor"));
        assertThat(
                        Math.abs(
                                distance(Debiasing.row(v, 6), doctor0)
                                        - distance(Debiasing.row(v, 7), doctor0)))
                .isGreaterThan(1e-3);
        assertThat(r.changes())
                .extracting(Debiasing.Change::word)
                .containsExactly("doctor", "nurse", "actor", "actress");
        assertThat(r.changes().get(0).after()).isCloseTo(0, within(1e-9));
        assertThat(r.changes().get(0).before()).isNotCloseTo(0, within(1e-3));
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (a[d] - b[d]) * (a[d] - b[d]);
        }
        return Math.sqrt(s);
    }
}
