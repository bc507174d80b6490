package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
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
            StyleGraph graph = new StyleGraph(g, TinyNetworks.build(g, H, W, 3), s);
            try (StyleTransfer t =
                    new StyleTransfer(g, graph, content, List.of(style), new float[] {1f}, H, W)) {
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
    void should_lower_both_costs_with_adam_on_the_pixels() {
        Random r = new Random(11);
        float[] content = random(r);
        float[] style = random(r);
        StyleSettings s = StyleSettings.defaults();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            StyleGraph graph = new StyleGraph(g, TinyNetworks.build(g, H, W, 3), s);
            try (StyleTransfer t =
                    new StyleTransfer(g, graph, content, List.of(style), new float[] {1f}, H, W)) {
                float[] x = StyleTransfer.initial("random", content, 5);
                StyleTransfer.Costs first = t.evaluate(x, null);
                t.optimise(x, 100, 5f, (c, px) -> {});
                StyleTransfer.Costs last = t.evaluate(x, null);
                assertThat(last.total()).isLessThan(first.total() / 2);
                assertThat(last.style()).isLessThan(first.style());
            }
        }
    }

    private static float[] random(Random r) {
        float[] v = new float[H * W * 3];
        for (int i = 0; i < v.length; i++) v[i] = 30 + r.nextFloat() * 190;
        return v;
    }
}
