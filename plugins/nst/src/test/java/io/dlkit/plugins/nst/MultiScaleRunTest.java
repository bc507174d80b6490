package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.image.Image;
import io.dlkit.testkit.FakeCommandContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A whole multi-scale run on a tiny conv net: the tiled scale refines and the costs fall. */
class MultiScaleRunTest {
    @Test
    void should_optimise_small_then_refine_the_full_size_in_tiles_with_falling_costs() {
        // given a 40x60 result with 32-pixel tiles: 20x30 whole, then 40x60 in 2x2 tiles
        Random r = new Random(3);
        Image content = random(r, 40, 60);
        Image style = random(r, 40, 60);
        StyleSettings s = new StyleSettings(40, 10f, 40f, 0f, null, List.of(), "noise", 4f, 1);
        StyleRequest request =
                new StyleRequest(
                        null, List.of(), new float[] {1f}, null, 60, "tiny", false, 0, 32, s);
        FakeCommandContext ctx = new FakeCommandContext();
        List<String> log = new ArrayList<>();
        List<int[]> opened = new ArrayList<>();
        MultiScale.Networks tiny =
                (g, h, w) -> {
                    opened.add(new int[] {h, w});
                    return TinyNetworks.build(g, h, w, 5);
                };

        // when
        MultiScale.Outcome o =
                new MultiScale(
                                ctx::openGraph,
                                log::add,
                                tiny,
                                request,
                                new CountingDescent(),
                                (a, b, c, d) -> {})
                        .run(content, List.of(style), new int[] {40, 60});

        // then the network never saw more than a tile, and the result has the full size
        assertThat(opened).containsExactly(new int[] {20, 30}, new int[] {32, 32});
        assertThat(o.pixels()).hasSize(40 * 60 * 3);
        assertThat(o.scales()).hasSize(2);
        assertThat(o.scales().get(1)).startsWith("60x40 tiles: 20 iterations per tile in ");
        // 40 whole iterations + the final evaluation, then 20 tile-averaged iterations
        assertThat(o.history()).hasSize(41 + 20);
        // tiles of 32 with overlap 4 start at y 0, 8 and x 0, 28: 2x2 tiles of 20 steps
        assertThat(o.loop().steps()).isEqualTo(40 + 4 * 20);
        assertThat(o.loop().seconds()).isPositive().isLessThanOrEqualTo(o.seconds());
        StyleTransfer.Costs tiledFirst = o.history().get(41);
        StyleTransfer.Costs tiledLast = o.history().get(60);
        assertThat(tiledLast.total()).isLessThan(tiledFirst.total());
        assertThat(o.history().get(40).total()).isLessThan(o.history().get(0).total());
        for (float v : o.pixels()) assertThat(v).isBetween(0f, 255f);
        assertThat(log).anyMatch(l -> l.startsWith("scale 60x40 tiles: 20 iterations per tile"));
    }

    private static Image random(Random r, int h, int w) {
        float[] d = new float[h * w * 3];
        for (int i = 0; i < d.length; i++) d[i] = r.nextFloat();
        return new Image(d, h, w, 3);
    }
}
