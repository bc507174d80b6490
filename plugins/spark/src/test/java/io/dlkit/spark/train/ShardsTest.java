package io.dlkit.spark.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.NdArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shards of named arrays and a worker's seeded batches over its shard. */
class ShardsTest {
    // 10 rows: x row i is (i, 10 i), label i.
    private static Map<String, NdArray> data() {
        float[] x = new float[20];
        int[] y = new int[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
            y[i] = i;
        }
        return Map.of("x", NdArray.of(x, 10, 2), "labels", NdArray.of(y, 10));
    }

    @Test
    void should_partition_the_rows_into_ceil_n_over_workers_keeping_each_row_whole() {
        // when
        List<Map<String, NdArray>> shards = Shards.split(data(), 3, 7);

        // then: ceil(10 / 3) = 4, 4, then the rest 2; every row exactly once, x beside its label
        assertThat(shards).extracting(s -> Shards.rows(s)).containsExactly(4, 4, 2);
        List<Integer> seen = new ArrayList<>();
        for (Map<String, NdArray> s : shards) {
            int[] y = s.get("labels").ints();
            float[] x = s.get("x").floats();
            for (int r = 0; r < y.length; r++) {
                assertThat(x[2 * r]).isEqualTo(y[r]);
                assertThat(x[2 * r + 1]).isEqualTo(10f * y[r]);
                seen.add(y[r]);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(labels(Shards.split(data(), 3, 7).get(0))).isEqualTo(labels(shards.get(0)));
    }

    @Test
    void should_refuse_more_workers_than_samples() {
        assertThatThrownBy(() -> Shards.split(data(), 11, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the training data has 10 samples, fewer than --workers 11; use fewer"
                                + " workers");
    }

    @Test
    void should_shuffle_each_epoch_from_the_seed_alone_with_a_short_last_batch() {
        // given
        ShardBatches a = new ShardBatches(data(), 4, 5);
        ShardBatches b = new ShardBatches(data(), 4, 5);

        // when: epoch 1 asked for after epoch 0 on one, directly on the other (a resume)
        List<Integer> epoch0 = epoch(a, 0);
        List<Integer> epoch1 = epoch(a, 1);

        // then: 3 batches of 4, 4, 2; each epoch a permutation; the same in any order asked
        assertThat(a.batchCount()).isEqualTo(3);
        assertThat(a.batch(0, 2).get("labels").shape()).containsExactly(2);
        assertThat(epoch0).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(epoch1).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(epoch1).isNotEqualTo(epoch0);
        assertThat(epoch(b, 1)).isEqualTo(epoch1);
    }

    private static List<Integer> epoch(ShardBatches s, int e) {
        List<Integer> out = new ArrayList<>();
        for (int b = 0; b < s.batchCount(); b++)
            for (int y : s.batch(e, b).get("labels").ints()) out.add(y);
        return out;
    }

    private static String labels(Map<String, NdArray> shard) {
        return Arrays.toString(shard.get("labels").ints());
    }
}
