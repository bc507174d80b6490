package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The total cost's gradient with respect to the pixels against central finite differences. */
class StyleGradientTest {
    private static final int H = 4;
    private static final int W = 5;

    @Test
    void should_match_finite_differences_of_the_total_cost_on_a_tiny_random_conv_net() {
        // given
        Random r = new Random(7);
        float[] content = random(r);
        float[] style = random(r);
        float[] x = random(r);
        StyleSettings s =
                new StyleSettings(
                        1, 10f, 40f, 0.01f, "conv2", List.of("conv1", "conv2"), "noise", 1f, 1);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            try (StyleTransfer t = TinyNetworks.transfer(g, H, W, s, content, style, null)) {
                // when
                float[] grad = new float[x.length];
                t.evaluate(x, grad);

                // then: dJ/dx_i ~ (J(x + h e_i) - J(x - h e_i)) / 2h, h one pixel level
                float h = 1f;
                for (int i = 0; i < x.length; i += 7) {
                    float keep = x[i];
                    x[i] = keep + h;
                    double up = t.evaluate(x, null).total();
                    x[i] = keep - h;
                    double down = t.evaluate(x, null).total();
                    x[i] = keep;
                    double numeric = (up - down) / (2 * h);
                    assertThat((double) grad[i])
                            .as("pixel %d", i)
                            .isCloseTo(
                                    numeric,
                                    org.assertj.core.api.Assertions.within(
                                            2e-2 * Math.abs(numeric) + 1e-4));
                }
            }
        }
    }

    @Test
    void should_lower_both_costs_with_the_optimizers_plugins_adam_on_the_pixels() {
        Random r = new Random(11);
        float[] content = random(r);
        float[] style = random(r);
        StyleSettings s = StyleSettings.defaults();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            try (StyleTransfer t =
                    TinyNetworks.transfer(g, H, W, s, content, style, new AdamOptimizer())) {
                float[] x = StyleTransfer.initial("random", content, 5);
                StyleTransfer.Costs first = t.evaluate(x, null);
                t.optimise(x, 100, 5f, (c, px) -> {});
                StyleTransfer.Costs last = t.evaluate(x, null);
                assertThat(last.total()).isLessThan(first.total() / 2);
                assertThat(last.style()).isLessThan(first.style());
            }
        }
    }

    @Test
    void should_move_each_pixel_by_lr_against_the_gradient_sign_on_adams_first_step() {
        // Adam at t=1: m_hat = g, v_hat = g^2, so the update is lr * g / (|g| + eps), lr sign(g)
        // but for gradients near eps = 1e-8
        Random r = new Random(12);
        float[] content = random(r);
        float[] style = random(r);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            StyleSettings s = StyleSettings.defaults();
            try (StyleTransfer t =
                    TinyNetworks.transfer(g, H, W, s, content, style, new AdamOptimizer())) {
                float[] x = random(r);
                float[] grad = new float[x.length];
                t.evaluate(x, grad);
                float[] stepped = x.clone();
                t.optimise(stepped, 1, 2f, (c, px) -> {});
                for (int i = 0; i < x.length; i++) {
                    double expected = x[i] - 2.0 * grad[i] / (Math.abs(grad[i]) + 1e-8);
                    assertThat((double) stepped[i])
                            .as("pixel %d", i)
                            .isCloseTo(expected, within(1e-4));
                }
            }
        }
    }

    private static float[] random(Random r) {
        float[] v = new float[H * W * 3];
        for (int i = 0; i < v.length; i++) v[i] = 30 + r.nextFloat() * 190;
        return v;
    }
}
