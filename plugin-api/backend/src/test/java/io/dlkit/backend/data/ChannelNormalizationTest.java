package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelNormalizationTest {
    // Two samples of shape [2, 2] (2 positions x 2 channels), channel-last:
    // channel 0 holds 1, 3, 5, 7 and channel 1 holds 2 everywhere.
    private static final Dataset DATA =
            Dataset.ofClasses(new float[] {1, 2, 3, 2, 5, 2, 7, 2}, new int[] {0, 1}, 2, 2, 2);

    @Test
    void should_compute_the_mean_and_population_std_of_each_channel() {
        // when
        ChannelNormalization n = ChannelNormalization.standardize(DATA);

        // then: channel 0: mean 4, variance (9 + 1 + 1 + 9) / 4 = 5; channel 1 is constant, so
        // its divisor is 1 (only centred)
        assertThat(n.mean()).containsExactly(4f, 2f);
        assertThat(n.std()).containsExactly((float) Math.sqrt(5), 1f);
    }

    @Test
    void should_give_training_data_mean_0_and_std_1_and_keep_the_labels() {
        // when
        Dataset d = ChannelNormalization.standardize(DATA).apply(DATA);

        // then: (x - 4) / sqrt(5) for channel 0, x - 2 for channel 1
        float s = (float) Math.sqrt(5);
        float[] x = d.features();
        float[] expected = {-3 / s, 0, -1 / s, 0, 1 / s, 0, 3 / s, 0};
        for (int i = 0; i < x.length; i++) assertThat(x[i]).isCloseTo(expected[i], within(1e-6f));
        assertThat(d.labels()).containsExactly(0, 1);
        assertThat(d.featureShape()).containsExactly(2, 2);
        assertThat(DATA.features()[0]).as("the original is left alone").isEqualTo(1f);
    }

    @Test
    void should_round_trip_through_its_model_yaml_form() {
        // given
        ChannelNormalization n =
                new ChannelNormalization(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.7f});

        // when
        Map<String, Object> config = n.toConfig();
        ChannelNormalization back = ChannelNormalization.fromConfig(config);

        // then: the decimals users read in model.yaml are the floats' shortest forms
        assertThat(config).isEqualTo(Map.of("mean", List.of(0.1, 0.2), "std", List.of(0.3, 0.7)));
        assertThat(back).isEqualTo(n);
        assertThat(back.mean()).containsExactly(0.1f, 0.2f);
        assertThat(ChannelNormalization.fromConfig(null)).isNull();
    }

    @Test
    void should_normalize_raw_features_in_place_as_it_normalizes_a_data_set() {
        ChannelNormalization n = ChannelNormalization.standardize(DATA);
        float[] raw = DATA.features();

        n.applyInPlace(raw);

        assertThat(raw).containsExactly(n.apply(DATA).features());
    }

    @Test
    void should_map_raw_zero_to_minus_mean_over_std() {
        ChannelNormalization n =
                new ChannelNormalization(new float[] {0.5f, 0.25f}, new float[] {0.25f, 0.5f});

        assertThat(n.normalizedZero()).containsExactly(-2f, -0.5f);
    }

    @Test
    void should_reject_malformed_config_and_values() {
        assertThatThrownBy(() -> ChannelNormalization.fromConfig(Map.of("mean", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("normalization.std must be a list of numbers, got null");
        assertThatThrownBy(() -> ChannelNormalization.fromConfig(List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("normalization must be a map {mean: [...], std: [...]}, got [1]");
        assertThatThrownBy(
                        () ->
                                ChannelNormalization.fromConfig(
                                        Map.of("mean", List.of(1, 2), "std", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mean and std need the same, non-zero number of channels, got 2 and 1");
        assertThatThrownBy(() -> new ChannelNormalization(new float[] {0}, new float[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "channel 0: mean must be finite and std finite and > 0, got 0.0 and 0.0");
        assertThatThrownBy(
                        () ->
                                new ChannelNormalization(new float[] {0}, new float[] {1})
                                        .apply(DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this normalization is for 1 channels but the samples have 2");
    }
}
