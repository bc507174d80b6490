package io.dlkit.plugins.rnn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Layer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Padded steps (all-zero inputs) leave the state as it was when mask_padding is on. */
class MaskPaddingTest {
    private static final int F = 2;

    @Test
    void should_give_the_last_real_steps_output_for_a_padded_sequence() {
        for (String type : new String[] {"simple_rnn", "gru", "lstm"}) {
            // given two real steps, then two padded ones
            float[] real = {0.5f, -1f, 0.3f, 0.8f};
            float[] padded = {0.5f, -1f, 0.3f, 0.8f, 0, 0, 0, 0};
            float[][] w = weights(type);
            // when
            float[] shortRun = FixedWeights.run(layer(type, true), new long[] {2, F}, 1, real, w);
            float[] paddedRun =
                    FixedWeights.run(layer(type, true), new long[] {4, F}, 1, padded, w);
            float[] unmasked =
                    FixedWeights.run(layer(type, false), new long[] {4, F}, 1, padded, w);
            // then
            for (int j = 0; j < 3; j++) {
                assertThat(paddedRun[j]).as(type).isCloseTo(shortRun[j], within(1e-6f));
            }
            assertThat(Math.abs(unmasked[0] - shortRun[0]) + Math.abs(unmasked[1] - shortRun[1]))
                    .as(type + " without the mask, padding changes the state")
                    .isGreaterThan(1e-3f);
        }
    }

    private static Layer layer(String type, boolean mask) {
        return RnnLayerTypes.create(
                new ConfigReader(
                        Map.of("type", type, "name", "r", "units", 3, "mask_padding", mask),
                        "layers[0]"));
    }

    private static float[][] weights(String type) {
        int gates = type.equals("lstm") ? 4 : type.equals("gru") ? 3 : 1;
        return new float[][] {
            FixedWeights.pattern(F * gates * 3, 0.4, 0.7),
            FixedWeights.pattern(3 * gates * 3, 1.2, 0.6),
            FixedWeights.pattern(gates * 3, 2.1, 0.5)
        };
    }
}
