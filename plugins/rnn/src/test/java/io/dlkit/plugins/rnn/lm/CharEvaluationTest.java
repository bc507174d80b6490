package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Held-out scores against hand calculations. */
class CharEvaluationTest {
    private static final CharVocabulary ABCD = new CharVocabulary("abcd");

    @Test
    void should_score_a_uniform_model_at_ln_vocab_and_two_bits_for_four_characters() {
        CharEvaluation e = new CharEvaluation((x, rows) -> new float[rows * 3 * 4], ABCD, 3);
        CharEvaluation.Score s = e.score("abcdabcdab"); // 9 predicted characters, windows of 3
        assertThat(s.characters()).isEqualTo(9);
        assertThat(s.loss()).isCloseTo(Math.log(4), within(1e-12));
        assertThat(s.perplexity()).isCloseTo(4, within(1e-9));
        assertThat(s.bitsPerChar()).isCloseTo(2, within(1e-12));
    }

    @Test
    void should_score_a_model_that_puts_logit_ln3_on_the_right_character() {
        // right character logit ln 3, others 0: p = 3 / (3 + 3) = 1/2 -> 1 bit per character
        CharEvaluation e =
                new CharEvaluation(
                        (x, rows) -> {
                            float[] z = new float[x.length * 4];
                            for (int i = 0; i < x.length; i++)
                                z[i * 4 + ((int) x[i] + 1) % 4] = (float) Math.log(3);
                            return z;
                        },
                        ABCD,
                        2);
        CharEvaluation.Score s = e.score("abcdab");
        assertThat(s.characters()).isEqualTo(5);
        assertThat(s.bitsPerChar()).isCloseTo(1, within(1e-6));
    }

    @Test
    void should_score_every_character_after_the_first_window_with_half_a_window_of_context() {
        // a model that is sure of the next character except at a window's first step (uniform):
        // 9 targets, windows of 4 every 2 -> only the very first step is uniform: ln 4 / 9
        // (plain windows of 4 from zeros would pay ln 4 three times)
        CharEvaluation e =
                new CharEvaluation(
                        (x, rows) -> {
                            float[] z = new float[x.length * 4];
                            for (int i = 0; i < x.length; i++) {
                                if (i % 4 != 0) z[i * 4 + ((int) x[i] + 1) % 4] = 100f;
                            }
                            return z;
                        },
                        ABCD,
                        4);
        CharEvaluation.Score s = e.score("abcdabcdab");
        assertThat(s.characters()).isEqualTo(9);
        assertThat(s.loss()).isCloseTo(Math.log(4) / 9, within(1e-9));
    }

    @Test
    void should_compute_a_stable_cross_entropy_for_large_logits() {
        // -log softmax([1000, 0])[1] = 1000 + log(1 + e^-1000) = 1000
        assertThat(CharEvaluation.crossEntropy(new float[] {1000, 0}, 0, 2, 1))
                .isCloseTo(1000, within(1e-9));
    }
}
