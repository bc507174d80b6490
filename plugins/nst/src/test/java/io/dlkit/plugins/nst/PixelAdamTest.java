package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adam on the pixels against hand-computed steps, with clipping to [0, 255]. */
class PixelAdamTest {
    @Test
    void should_move_each_pixel_by_lr_against_the_gradient_sign_on_the_first_step() {
        // t=1: m_hat = g, v_hat = g^2, so the update is lr * g / (|g| + eps) = lr * sign(g)
        PixelAdam adam = new PixelAdam(2f, 3);
        float[] x = {100, 100, 100};
        adam.step(x, new float[] {0.5f, -3f, 0f});
        assertThat(x[0]).isCloseTo(98f, within(1e-4f));
        assertThat(x[1]).isCloseTo(102f, within(1e-4f));
        assertThat(x[2]).isEqualTo(100f);
    }

    @Test
    void should_follow_the_bias_corrected_moments_on_the_second_step() {
        // g1 = 1, g2 = 3: m = 0.9*0.1 + 0.1*3 = 0.39, v = 0.999*0.001 + 0.001*9 = 0.009999
        // m_hat = 0.39/0.19, v_hat = 0.009999/0.001999; update = lr * m_hat / sqrt(v_hat)
        PixelAdam adam = new PixelAdam(1f, 1);
        float[] x = {100};
        adam.step(x, new float[] {1f});
        adam.step(x, new float[] {3f});
        double second = (0.39 / 0.19) / Math.sqrt(0.009999 / 0.001999);
        assertThat((double) x[0]).isCloseTo(100 - 1 - second, within(1e-4));
    }

    @Test
    void should_clip_pixels_to_the_valid_range() {
        PixelAdam adam = new PixelAdam(10f, 2);
        float[] x = {3, 250};
        adam.step(x, new float[] {1f, -1f});
        assertThat(x).containsExactly(0f, 255f);
    }

    @Test
    void should_reject_a_learning_rate_that_is_not_positive() {
        assertThatThrownBy(() -> new PixelAdam(0f, 1)).hasMessage("--lr must be > 0, got 0.0");
    }
}
