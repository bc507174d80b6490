package io.dlkit.plugins.face.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.NdArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The identity-batch feeder: P identities x K images, reproducible from (seed, epoch, batch). */
class IdentityBatchesTest {
    /** 5 identities; identity i has i + 1 images of 2x2 pixels, every value = 10 i + image. */
    static FaceFolder folder() {
        List<String> names = new ArrayList<>();
        List<List<java.nio.file.Path>> files = new ArrayList<>();
        List<List<byte[]>> px = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            names.add("p" + i);
            files.add(List.of());
            List<byte[]> imgs = new ArrayList<>();
            for (int j = 0; j <= i; j++) {
                byte[] b = new byte[12];
                Arrays.fill(b, (byte) (10 * i + j));
                imgs.add(b);
            }
            px.add(imgs);
        }
        return new FaceFolder(names, files, px, 2);
    }

    @Test
    void should_hold_p_identities_of_k_images_each_and_skip_identities_without_pairs() {
        IdentityBatches b = new IdentityBatches(folder(), 2, 3, 0, false);
        // identities 1..4 have pairs: 4 / 2 = 2 batches of 6 rows
        assertThat(b.batchCount()).isEqualTo(2);
        assertThat(b.batchSize()).isEqualTo(6);
        float[] t0 = b.batch(1, 0, 0).get("targets").floats();
        float[] t1 = b.batch(1, 0, 1).get("targets").floats();
        assertThat(t0[0]).isEqualTo(t0[1]).isEqualTo(t0[2]).isNotEqualTo(t0[3]);
        float[] all = {t0[0], t0[3], t1[0], t1[3]};
        Arrays.sort(all);
        assertThat(all).containsExactly(1, 2, 3, 4);
    }

    @Test
    void should_draw_distinct_images_of_an_identity_while_it_has_enough() {
        IdentityBatches b = new IdentityBatches(folder(), 4, 3, 0, false);
        Map<String, NdArray> batch = b.batch(9, 2, 0);
        float[] x = batch.get("x").floats();
        float[] t = batch.get("targets").floats();
        for (int row = 0; row < t.length; row += 3) {
            if (t[row] < 2) continue; // identity 1 has only two images: one repeats
            float[] v = {x[row * 12], x[(row + 1) * 12], x[(row + 2) * 12]};
            assertThat(v).doesNotHaveDuplicates();
            for (float f : v) assertThat(Math.round(f * 255) / 10).isEqualTo((int) t[row]);
        }
    }

    @Test
    void should_give_the_same_batch_for_the_same_seed_epoch_and_batch_in_any_order() {
        IdentityBatches b = new IdentityBatches(folder(), 2, 2, 0, true);
        Map<String, NdArray> first = b.batch(3, 4, 1);
        b.batch(3, 0, 0);
        b.batch(7, 4, 1);
        assertThat(b.batch(3, 4, 1)).isEqualTo(first);
        assertThat(b.batch(3, 5, 1)).isNotEqualTo(first);
    }
}
