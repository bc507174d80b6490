package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.types.TFloat32;

class InitializersTest {
    private static final int FAN_IN = 400;
    private static final int UNITS = 250;

    private static float[] draw(long seed, Initializer init, String name, long... shape) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, seed)) {
            WeightVariable<TFloat32> v = g.variable(name, init.initialValue(g, name, shape), true);
            return GradCheck.fetch(g, v.read());
        }
    }

    /**
     * For N i.i.d. draws of N(0, s^2) the sample variance has standard deviation s^2 sqrt(2 / (N -
     * 1)) and the sample mean s / sqrt(N); we allow five of each.
     */
    @ParameterizedTest(name = "{0}: var = {1} / n_prev")
    @CsvSource({"he, 2", "xavier, 1"})
    void should_draw_variance_gain_over_fan_in(String name, double gain) {
        // given
        float[] w = draw(7, Initializers.get(name), "dense_1_kernel", FAN_IN, UNITS);
        int n = w.length;
        double expectedVariance = gain / FAN_IN;
        // when
        double mean = 0;
        for (float x : w) mean += x;
        mean /= n;
        double variance = 0;
        for (float x : w) variance += (x - mean) * (x - mean);
        variance /= n - 1;
        // then
        assertThat(mean).isCloseTo(0, within(5 * Math.sqrt(expectedVariance / n)));
        assertThat(variance)
                .isCloseTo(
                        expectedVariance, within(5 * expectedVariance * Math.sqrt(2.0 / (n - 1))));
    }

    @Test
    void should_draw_small_normal_weights_and_zeros() {
        // given
        float[] small = draw(7, Initializers.RANDOM_NORMAL_SMALL, "w", 200, 200);
        float[] zeros = draw(7, Initializers.ZEROS, "b", 5);
        // when
        double sumSq = 0;
        for (float x : small) sumSq += x * x;
        double variance = sumSq / small.length;
        // then: var = 0.01^2 within five standard deviations of the estimate
        assertThat(variance).isCloseTo(1e-4, within(5 * 1e-4 * Math.sqrt(2.0 / small.length)));
        assertThat(zeros).containsExactly(0f, 0f, 0f, 0f, 0f);
    }

    @Test
    void should_reproduce_weights_bit_for_bit_from_the_same_seed() {
        // when
        float[] first = draw(42, Initializers.HE, "dense_1_kernel", 30, 20);
        float[] second = draw(42, Initializers.HE, "dense_1_kernel", 30, 20);
        // then
        assertThat(second).containsExactly(first);
    }

    @Test
    void should_give_same_shaped_variables_with_different_names_different_weights() {
        // when
        float[] a = draw(42, Initializers.HE, "dense_1_kernel", 30, 20);
        float[] b = draw(42, Initializers.HE, "dense_2_kernel", 30, 20);
        float[] otherSeed = draw(43, Initializers.HE, "dense_1_kernel", 30, 20);
        // then
        assertThat(b).isNotEqualTo(a);
        assertThat(otherSeed).isNotEqualTo(a);
    }

    @Test
    void should_compute_fan_in_like_keras() {
        assertThat(Initializers.fanIn(784, 512)).isEqualTo(784);
        assertThat(Initializers.fanIn(3, 3, 16, 32)).isEqualTo(3 * 3 * 16);
        assertThat(Initializers.fanIn(10)).isEqualTo(10);
    }

    @Test
    void should_pick_he_for_relu_family_and_xavier_otherwise() {
        assertThat(Initializers.defaultFor(Activations.RELU)).isSameAs(Initializers.HE);
        assertThat(Initializers.defaultFor(Activations.leakyRelu(0.1))).isSameAs(Initializers.HE);
        assertThat(Initializers.defaultFor(Activations.TANH)).isSameAs(Initializers.XAVIER);
        assertThat(Initializers.HE.name()).isEqualTo("he");
    }

    @Test
    void should_list_the_valid_names_for_a_bad_one() {
        assertThatThrownBy(() -> Initializers.get("glorot"))
                .hasMessage(
                        "unknown initializer 'glorot'; valid: zeros, random_normal_small, xavier, he");
        assertThatThrownBy(() -> Initializers.get("xavir"))
                .hasMessage(
                        "unknown initializer 'xavir' (did you mean xavier?); valid: zeros, random_normal_small, xavier, he");
    }
}
