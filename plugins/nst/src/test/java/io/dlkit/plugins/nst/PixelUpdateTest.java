package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pixels as a variable updated in the graph by an injected optimizer: the step uses the
 * gradient of J at the fed pixels, the result is clipped to [0, 255], and each optimisation starts
 * from a fresh optimizer state.
 */
class PixelUpdateTest {
    private static final int H = 4;
    private static final int W = 5;

    @Test
    void should_step_by_the_optimizer_rule_on_dJ_dx_then_clip_and_reset_the_state_each_run() {
        // given
        Random r = new Random(11);
        float[] content = random(r);
        float[] style = random(r);
        float[] x0 = random(r);
        x0[0] = 0.5f; // a pixel next to 0, pushed out of range by a large step below
        StyleSettings s = StyleSettings.defaults();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            try (StyleTransfer t =
                    TinyNetworks.transfer(g, H, W, s, content, style, new CountingDescent())) {
                float[] grad = new float[x0.length];
                float before = t.evaluate(x0, grad).total();
                float lr = 0.5f / maxAbs(grad); // at most half a pixel level per step

                // when: one step, twice from the same start (the counter must restart at 1)
                float[] once = x0.clone();
                float[] reported = new float[1];
                t.optimise(once, 1, lr, (c, px) -> reported[0] = c.total());
                float[] again = x0.clone();
                t.optimise(again, 1, lr, (c, px) -> {});

                // then x1 = clip(x0 - lr * 1 * dJ/dx0), the same both times
                assertThat(reported[0]).isCloseTo(before, within(1e-4f * Math.abs(before)));
                for (int i = 0; i < x0.length; i++) {
                    float expected = Math.min(255f, Math.max(0f, x0[i] - lr * grad[i]));
                    assertThat(once[i]).as("pixel %d", i).isCloseTo(expected, within(1e-4f));
                }
                assertThat(again).containsExactly(once);

                // and a huge step leaves every pixel in [0, 255]
                float[] far = x0.clone();
                t.optimise(far, 1, 1e6f, (c, px) -> {});
                for (float v : far) assertThat(v).isBetween(0f, 255f);
                assertThat(far).contains(0f, 255f);
            }
        }
    }

    private static float maxAbs(float[] v) {
        float m = 0;
        for (float f : v) m = Math.max(m, Math.abs(f));
        return m;
    }

    private static float[] random(Random r) {
        float[] x = new float[H * W * 3];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat() * 255f;
        return x;
    }
}
