package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Sampling from given logits. */
class CharSamplerTest {
    private static final CharVocabulary ABC = new CharVocabulary("abc");

    @Test
    void should_draw_with_the_softmax_probabilities_at_the_temperature() {
        // logits (0, ln 2, ln 5) at T = 1: p = (1, 2, 5) / 8; at T = 0.5 (squared): (1, 4, 25) / 30
        float[] z = {0f, (float) Math.log(2), (float) Math.log(5)};
        CharSampler s = new CharSampler(w -> z, ABC, 1);
        double[] warm = frequencies(s, z, 1.0);
        assertThat(warm[0]).isCloseTo(1 / 8.0, within(0.01));
        assertThat(warm[1]).isCloseTo(2 / 8.0, within(0.01));
        assertThat(warm[2]).isCloseTo(5 / 8.0, within(0.01));
        double[] cold = frequencies(s, z, 0.5);
        assertThat(cold[0]).isCloseTo(1 / 30.0, within(0.005));
        assertThat(cold[1]).isCloseTo(4 / 30.0, within(0.01));
        assertThat(cold[2]).isCloseTo(25 / 30.0, within(0.01));
    }

    private static double[] frequencies(CharSampler s, float[] z, double temperature) {
        Random r = new Random(1);
        double[] f = new double[3];
        int n = 40_000;
        for (int i = 0; i < n; i++) f[s.draw(z, 0, temperature, r)]++;
        for (int i = 0; i < 3; i++) f[i] /= n;
        return f;
    }

    @Test
    void should_feed_the_last_steps_left_aligned_and_read_the_last_filled_step() {
        // a fake model that always predicts the character after the last one it was shown
        List<String> windows = new ArrayList<>();
        CharSampler.Logits next =
                w -> {
                    windows.add(java.util.Arrays.toString(w));
                    float[] z = new float[w.length * 3];
                    for (int t = 0; t < w.length; t++) z[t * 3 + ((int) w[t] + 1) % 3] = 50f;
                    return z;
                };
        String out = new CharSampler(next, ABC, 3).sample("a", 4, 1.0, 7);
        assertThat(out).isEqualTo("bcab");
        assertThat(windows)
                .containsExactly(
                        "[0.0, 0.0, 0.0]", "[0.0, 1.0, 0.0]", "[0.0, 1.0, 2.0]", "[1.0, 2.0, 0.0]");
    }

    @Test
    void should_find_the_vocabulary_in_the_model_description() {
        Map<String, Object> description =
                Map.of(
                        "model",
                        Map.of("layers", List.of(Map.of("type", "embedding", "tokens", "\nab"))));
        assertThat(SampleCommand.vocabulary(description).tokens()).isEqualTo("\nab");
    }
}
