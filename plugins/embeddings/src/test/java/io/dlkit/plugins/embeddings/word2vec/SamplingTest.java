package io.dlkit.plugins.embeddings.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.embeddings.corpus.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplingTest {
    @Test
    void should_keep_words_with_the_c_tools_sub_sampling_probability() {
        // given: sample 1e-3 among 10^6 words, so s T = 1000
        SubSampler sub = new SubSampler(1e-3, 1_000_000);

        // then: (sqrt(c / 1000) + 1) * 1000 / c
        assertThat(sub.keepProbability(100_000)).isCloseTo((10 + 1) * 0.01, within(1e-12));
        assertThat(sub.keepProbability(4_000)).isCloseTo((2 + 1) / 4.0, within(1e-12));
        assertThat(sub.keepProbability(1_000)).isCloseTo(2.0, within(1e-12));
        assertThat(new SubSampler(0, 1_000_000).keepProbability(100_000)).isEqualTo(1.0);
    }

    @Test
    void should_give_each_word_count_to_the_three_quarters_over_the_sum() {
        // given: 16^0.75 = 8 and 1^0.75 = 1
        NegativeSampler sampler =
                new NegativeSampler(Vocabulary.of(List.of("a", "b"), new long[] {16, 1}));

        assertThat(sampler.probability(0)).isCloseTo(8 / 9.0, within(1e-12));
        assertThat(sampler.probability(1)).isCloseTo(1 / 9.0, within(1e-12));
    }

    @Test
    void should_draw_negatives_following_count_to_the_three_quarters_by_chi_square() {
        // given
        long[] counts = {1000, 400, 120, 50, 9, 1};
        NegativeSampler sampler =
                new NegativeSampler(Vocabulary.of(List.of("a", "b", "c", "d", "e", "f"), counts));
        int draws = 200_000;
        long[] seen = new long[counts.length];
        long state = 7;

        // when: the C tool's random numbers
        for (int i = 0; i < draws; i++) {
            state = Lcg.next(state);
            seen[sampler.sample(state)]++;
        }

        // then: chi-square with 5 degrees of freedom; 20.52 is its 0.999 quantile
        assertThat(chiSquare(seen, expected(counts, 0.75, draws))).isLessThan(20.52);
        // and the plain unigram distribution is rejected by a wide margin
        assertThat(chiSquare(seen, expected(counts, 1.0, draws))).isGreaterThan(1000);
    }

    private static double[] expected(long[] counts, double power, int draws) {
        double sum = 0;
        for (long c : counts) {
            sum += Math.pow(c, power);
        }
        double[] e = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            e[i] = draws * Math.pow(counts[i], power) / sum;
        }
        return e;
    }

    private static double chiSquare(long[] seen, double[] expected) {
        double chi = 0;
        for (int i = 0; i < seen.length; i++) {
            chi += (seen[i] - expected[i]) * (seen[i] - expected[i]) / expected[i];
        }
        return chi;
    }
}
