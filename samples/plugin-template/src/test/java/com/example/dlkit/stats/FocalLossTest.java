package com.example.dlkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.train.Objective;
import io.dlkit.testkit.ObjectiveContract;
import io.dlkit.testkit.ObjectiveHarness;
import org.junit.jupiter.api.Test;

/** The focal loss: the objective contract, and its value at two logits worked out by hand. */
class FocalLossTest implements ObjectiveContract {
    @Override
    public Objective objective() {
        return new FocalLoss();
    }

    @Override
    public int outputWidth() {
        return 1;
    }

    @Test
    void should_equal_the_hand_computed_focal_loss_of_two_samples() {
        // given: the harness labels samples 0, 1 (then 0, 1 again); logits z = 2, 0, 2, 0.
        // Sample with y = 0, z = 2: p = sigmoid(2) = 0.8807971, p_t = 1 - p = 0.1192029,
        // alpha_t = 0.75, (1 - p_t)^2 = 0.7758034, -log p_t = 2.1269280: 0.75 * 0.7758034 * 2.1269280
        // = 1.2375586. Sample with y = 1, z = 0: p_t = 0.5, alpha_t = 0.25, (0.5)^2 = 0.25,
        // -log 0.5 = 0.6931472: 0.0433217. Mean over the four: (1.2375586 + 0.0433217) / 2.
        try (ObjectiveHarness h = ObjectiveHarness.of(new FocalLoss(), 1, 4, 3)) {
            // when
            double loss = h.loss(new float[] {2, 0, 2, 0});
            double bce = h.metrics(new float[] {2, 0, 2, 0})[0];
            // then
            assertThat(loss).isCloseTo(0.6404402, within(2e-6));
            // bce: (-log 0.1192029 + -log 0.5) / 2 = (2.1269280 + 0.6931472) / 2
            assertThat(bce).isCloseTo(1.4100376, within(2e-6));
        }
    }

    @Test
    void should_be_half_the_binary_cross_entropy_with_gamma_0_and_alpha_one_half() {
        try (ObjectiveHarness h = ObjectiveHarness.of(new FocalLoss(0, 0.5), 1, 4, 3)) {
            float[] z = {1.3f, -0.4f, 0.2f, 2.5f};
            assertThat(h.loss(z)).isCloseTo(h.metrics(z)[0] / 2, within(1e-6));
        }
    }
}
