package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MiniBatchesTest {
    /** Sample i has features (i, -i) and class id i, so any mix-up of rows shows. */
    private static Dataset indexed(int m) {
        float[] x = new float[2 * m];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i;
        }
        return Dataset.ofClasses(x, y, m, 2);
    }

    @Test
    void should_shuffle_into_a_permutation() {
        int[] order = MiniBatches.shuffled(indexed(100), 8, 42).order(0);

        assertThat(order).containsExactlyInAnyOrder(IntStream.range(0, 100).toArray());
        assertThat(order).isNotEqualTo(IntStream.range(0, 100).toArray());
    }

    @Test
    void should_reproduce_an_epoch_from_seed_and_epoch_alone() {
        // given: two independent instances, one asked for epoch 3 first
        MiniBatches a = MiniBatches.shuffled(indexed(100), 8, 42);
        MiniBatches b = MiniBatches.shuffled(indexed(100), 8, 42);

        // when
        int[] direct = a.order(3);
        b.order(0);
        b.order(1);

        // then
        assertThat(b.order(3)).isEqualTo(direct);
        assertThat(a.order(3)).isEqualTo(direct);
    }

    @Test
    void should_shuffle_differently_per_epoch_and_per_seed() {
        MiniBatches a = MiniBatches.shuffled(indexed(100), 8, 42);
        Set<List<Integer>> orders = new HashSet<>();
        for (int epoch = 0; epoch < 5; epoch++) {
            orders.add(Arrays.stream(a.order(epoch)).boxed().toList());
        }
        orders.add(
                Arrays.stream(MiniBatches.shuffled(indexed(100), 8, 43).order(0)).boxed().toList());

        assertThat(orders).hasSize(6);
    }

    @Test
    void should_keep_the_order_for_evaluation() {
        assertThat(MiniBatches.inOrder(indexed(5), 2).order(7)).containsExactly(0, 1, 2, 3, 4);
    }

    @ParameterizedTest(name = "m={0} B={1}")
    @CsvSource({"10, 4, 3, 2", "12, 4, 3, 4", "10, 1, 10, 1", "10, 10, 1, 10", "10, 64, 1, 10"})
    void should_partition_with_a_smaller_last_batch(int m, int b, int batches, int lastRows) {
        MiniBatches mb = MiniBatches.shuffled(indexed(m), b, 7);

        assertThat(mb.batchCount()).isEqualTo(batches);
        assertThat(mb.rows(batches - 1)).isEqualTo(lastRows);
        for (int i = 0; i < batches - 1; i++) {
            assertThat(mb.rows(i)).isEqualTo(Math.min(b, m));
        }
    }

    @Test
    void should_copy_each_sample_once_per_epoch_with_its_own_label() {
        // given
        MiniBatches mb = MiniBatches.shuffled(indexed(10), 4, 1);
        float[] x = mb.newFeatureBuffer();
        int[] y = mb.newLabelBuffer();
        MiniBatches.Epoch epoch = mb.epoch(2);
        int[] order = mb.order(2);
        int position = 0;
        Set<Integer> seen = new HashSet<>();

        // when / then
        while (epoch.hasNext()) {
            int rows = epoch.next(x, y);
            for (int r = 0; r < rows; r++) {
                int sample = order[position++];
                assertThat(y[r]).isEqualTo(sample);
                assertThat(x[2 * r]).isEqualTo(sample);
                assertThat(x[2 * r + 1]).isEqualTo(-sample);
                seen.add(y[r]);
            }
        }
        assertThat(position).isEqualTo(10);
        assertThat(seen).hasSize(10);
        assertThatThrownBy(() -> epoch.next(x, y))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("epoch 2 has no batch left after 3");
    }

    @Test
    void should_resume_mid_epoch_at_the_same_batch() {
        MiniBatches mb = MiniBatches.shuffled(indexed(10), 4, 1);
        float[] x1 = mb.newFeatureBuffer();
        float[] x2 = mb.newFeatureBuffer();
        int[] y = mb.newLabelBuffer();

        MiniBatches.Epoch resumed = MiniBatches.shuffled(indexed(10), 4, 1).epoch(5);
        resumed.skipTo(2);
        int rows = resumed.next(x1, y);
        mb.epoch(5).copy(2, x2, y);

        assertThat(rows).isEqualTo(2);
        assertThat(x1).isEqualTo(x2);
    }

    @Test
    void should_copy_float_targets_in_step_with_features() {
        Dataset d =
                Dataset.ofTargets(
                        new float[] {0, 1, 2},
                        new long[] {1},
                        new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f},
                        2);
        MiniBatches mb = MiniBatches.shuffled(d, 2, 3);
        float[] x = mb.newFeatureBuffer();
        float[] t = mb.newTargetBuffer();

        int rows = mb.epoch(0).copy(0, x, t);

        assertThat(rows).isEqualTo(2);
        for (int r = 0; r < rows; r++) {
            assertThat(t[2 * r]).isEqualTo(x[r]);
            assertThat(t[2 * r + 1]).isEqualTo(x[r] + 0.5f);
        }
    }

    @Test
    void should_reject_a_buffer_too_small_for_the_batch() {
        MiniBatches mb = MiniBatches.shuffled(indexed(10), 4, 1);

        assertThatThrownBy(() -> mb.epoch(0).copy(0, new float[7], new int[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "features buffer holds 7 values but a batch of 4 samples needs 8;"
                                + " allocate it with newFeatureBuffer()");
    }

    @Test
    void should_reject_a_batch_size_below_one() {
        assertThatThrownBy(() -> MiniBatches.shuffled(indexed(3), 0, 1))
                .hasMessage("batchSize must be at least 1, got 0");
    }
}
