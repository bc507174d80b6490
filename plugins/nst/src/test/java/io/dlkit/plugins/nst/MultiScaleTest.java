package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.nst.ScaleSchedule.Scale;
import io.dlkit.plugins.nst.Tiles.Tile;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The multi-scale schedule, the tile grid and the blending of refined tiles. */
class MultiScaleTest {
    @Test
    void should_run_one_whole_scale_when_the_image_fits_in_a_tile() {
        assertThat(ScaleSchedule.plan(341, 512, 512, 200))
                .containsExactly(new Scale(341, 512, 200, false));
    }

    @Test
    void should_halve_a_big_photo_until_it_fits_then_refine_each_doubling_in_tiles() {
        // 2000x1500 (w x h) with 512 tiles: 1500x2000 -> 750x1000 -> 375x500 (fits)
        // iterations 200 at the smallest, then half per doubling: 100, 50
        assertThat(ScaleSchedule.plan(1500, 2000, 512, 200))
                .containsExactly(
                        new Scale(375, 500, 200, false),
                        new Scale(750, 1000, 100, true),
                        new Scale(1500, 2000, 50, true));
    }

    @Test
    void should_keep_at_least_one_iteration_per_scale_and_round_odd_halves() {
        // 1001 / 2 = 500.5 -> 501 (Math.round), 3 >> 1 = 1, 3 >> 2 = 0 -> 1
        assertThat(ScaleSchedule.plan(1001, 1001, 300, 3))
                .containsExactly(
                        new Scale(251, 251, 3, false),
                        new Scale(501, 501, 1, true),
                        new Scale(1001, 1001, 1, true));
    }

    @Test
    void should_reject_a_tile_too_small_for_a_loss_network() {
        assertThatThrownBy(() -> ScaleSchedule.plan(100, 100, 8, 10))
                .hasMessage("--tile must be at least 16, got 8");
    }

    @Test
    void should_start_tiles_every_tile_minus_overlap_with_the_last_flush_with_the_edge() {
        // 2000 px, tile 512, overlap 64: step 448 -> 0, 448, 896, 1344, then 2000 - 512 = 1488
        assertThat(Tiles.starts(2000, 512, 64)).containsExactly(0, 448, 896, 1344, 1488);
        assertThat(Tiles.starts(750, 512, 64)).containsExactly(0, 238);
        assertThat(Tiles.starts(512, 512, 64)).containsExactly(0);
        assertThat(Tiles.starts(300, 512, 64)).containsExactly(0);
    }

    @Test
    void should_cover_every_pixel_with_tiles_of_one_size() {
        List<Tile> grid = Tiles.grid(750, 1000, 512, 64);
        assertThat(grid).hasSize(2 * 3).allMatch(t -> t.height() == 512 && t.width() == 512);
        boolean[] covered = new boolean[750 * 1000];
        for (Tile t : grid) {
            for (int y = t.y(); y < t.y() + t.height(); y++) {
                Arrays.fill(covered, y * 1000 + t.x(), y * 1000 + t.x() + t.width(), true);
            }
        }
        for (boolean c : covered) assertThat(c).isTrue();
    }

    @Test
    void should_ramp_the_blend_weight_over_the_overlap_on_shared_edges_only() {
        // overlap 3: weights 1/4, 2/4, 3/4, then 1; an image edge keeps weight 1
        float[] w = new float[8];
        for (int i = 0; i < 8; i++) w[i] = Tiles.ramp(i, 8, true, false, 3);
        assertThat(w).containsExactly(0.25f, 0.5f, 0.75f, 1f, 1f, 1f, 1f, 1f);
        assertThat(Tiles.ramp(7, 8, false, true, 3)).isEqualTo(0.25f);
        assertThat(Tiles.ramp(0, 8, false, false, 3)).isEqualTo(1f);
    }

    @Test
    void should_blend_a_tile_in_with_its_weights_and_crop_it_back_out() {
        // given a 1x4 image of zeros and a tile at x=2 (width 2) of 100s, overlap 1
        float[] image = new float[4 * 3];
        Tile t = new Tile(0, 2, 1, 2);
        float[] tile = new float[2 * 3];
        Arrays.fill(tile, 100f);

        // when
        Tiles.blend(image, 1, 4, t, tile, 1);

        // then x=2 borders the previous tile: weight 1/2 -> 50; x=3 is the image edge -> 100
        assertThat(Tiles.crop(image, 4, t)).containsExactly(50, 50, 50, 100, 100, 100);
        assertThat(image[0]).isZero();
    }

    @Test
    void should_upsample_a_flat_image_to_the_same_flat_image() {
        float[] x = new float[2 * 3 * 3];
        Arrays.fill(x, 128f);
        float[] up = MultiScale.up(x, new int[] {2, 3}, new int[] {4, 6});
        assertThat(up).hasSize(4 * 6 * 3);
        for (float v : up) assertThat(v).isCloseTo(128f, within(1e-3f));
    }
}
