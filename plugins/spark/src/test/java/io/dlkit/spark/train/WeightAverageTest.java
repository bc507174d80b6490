package io.dlkit.spark.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeightAverageTest {
    private static final List<String> NAMES = List.of("dense_kernel", "adam_m", "adam_t");

    private static Weights worker(float[] kernel, float[] m, long t) {
        return new Weights(
                NAMES,
                List.of(new long[] {2}, new long[] {2}, new long[0]),
                List.of(kernel, m, new long[] {t}));
    }

    @Test
    void should_average_weights_and_optimizer_slots_by_samples_and_keep_the_step_counter() {
        // given: worker 0 trained 3 samples, worker 1 one
        Weights w0 = worker(new float[] {1, 2}, new float[] {0.5f, -1}, 7);
        Weights w1 = worker(new float[] {4, 8}, new float[] {1.5f, 3}, 7);

        // when
        Weights avg = WeightAverage.of(List.of(w0, w1), new double[] {3, 1});

        // then: (3 * 1 + 1 * 4) / 4 = 1.75, (3 * 2 + 8) / 4 = 3.5; Adam's m the same way:
        // (3 * 0.5 + 1.5) / 4 = 0.75, (3 * -1 + 3) / 4 = 0; the int64 step counter is kept
        assertThat(avg.names()).isEqualTo(NAMES);
        assertThat(avg.floats("dense_kernel")).containsExactly(1.75f, 3.5f);
        assertThat(avg.floats("adam_m")).containsExactly(0.75f, 0f);
        assertThat((long[]) avg.values(2)).containsExactly(7L);
    }

    @Test
    void should_take_counters_from_the_worker_that_trained_most_and_ignore_idle_workers() {
        // given: in an epoch's last round worker 1 had no batch left (0 samples, one step fewer)
        Weights w0 = worker(new float[] {2, 2}, new float[] {1, 1}, 10);
        Weights w1 = worker(new float[] {9, 9}, new float[] {9, 9}, 9);

        // when
        Weights avg = WeightAverage.of(List.of(w0, w1), new double[] {64, 0});

        // then
        assertThat(avg.floats("dense_kernel")).containsExactly(2f, 2f);
        assertThat((long[]) avg.values(2)).containsExactly(10L);
    }

    @Test
    void should_reject_weights_that_sum_to_zero() {
        Weights w0 = worker(new float[] {1, 2}, new float[] {0, 0}, 1);

        assertThatThrownBy(() -> WeightAverage.of(List.of(w0), new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the weights sum to 0.0");
    }
}
