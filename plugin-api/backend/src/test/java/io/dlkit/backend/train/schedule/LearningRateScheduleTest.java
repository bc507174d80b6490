package io.dlkit.backend.train.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each schedule against the course notes' formulas ("Learning Rate Decay"). */
class LearningRateScheduleTest {

    @Test
    void should_keep_a_constant_rate() {
        LearningRateSchedule s = new ConstantSchedule(0.05);
        assertThat(s.rate(0, 0)).isEqualTo(0.05);
        assertThat(s.rate(99, 123_456)).isEqualTo(0.05);
    }

    @ParameterizedTest
    @CsvSource({
        // epoch, alpha0 / (1 + decay_rate * epoch) with alpha0 = 0.2, decay_rate = 1
        "0, 0.2",
        "1, 0.1", // 0.2 / 2
        "2, 0.0666666666666667", // 0.2 / 3
        "3, 0.05", // 0.2 / 4
        "9, 0.02", // 0.2 / 10
    })
    void should_divide_by_one_plus_decay_rate_times_epoch(int epoch, double expected) {
        assertThat(new InverseTimeDecay(0.2, 1).rate(epoch, 0)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void should_decay_inverse_time_by_the_given_rate_and_ignore_the_step() {
        // 0.1 / (1 + 0.5 * 4) = 0.1 / 3
        assertThat(new InverseTimeDecay(0.1, 0.5).rate(4, 77)).isCloseTo(0.1 / 3, within(1e-12));
        assertThat(new InverseTimeDecay(0.1, 0).rate(50, 0)).isEqualTo(0.1);
    }

    @ParameterizedTest
    @CsvSource({
        // epoch, 0.95^epoch * alpha0 with alpha0 = 0.2
        "0, 0.2",
        "1, 0.19", // 0.95 * 0.2
        "2, 0.1805", // 0.9025 * 0.2
        "10, 0.1197473878", // 0.95^10 = 0.5987369392
    })
    void should_multiply_by_the_rate_once_per_epoch(int epoch, double expected) {
        assertThat(new ExponentialDecay(0.2, 0.95).rate(epoch, 0))
                .isCloseTo(expected, within(1e-10));
    }

    @ParameterizedTest
    @CsvSource({
        // step, value for boundaries [1000, 2000] and values [0.1, 0.01, 0.001]
        "0, 0.1",
        "999, 0.1",
        "1000, 0.01", // t1 <= t < t2 takes alpha2
        "1999, 0.01",
        "2000, 0.001",
        "1000000000, 0.001",
    })
    void should_pick_the_value_of_the_steps_range(long step, double expected) {
        PiecewiseConstant s =
                new PiecewiseConstant(List.of(1000L, 2000L), List.of(0.1, 0.01, 0.001));
        assertThat(s.rate(7, step)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.1", "1, 0.05", "2, 0.01", "3, 0.01", "100, 0.01"})
    void should_take_the_epochs_value_and_keep_the_last_past_the_end(int epoch, double expected) {
        assertThat(new PerEpochList(List.of(0.1, 0.05, 0.01)).rate(epoch, 0)).isEqualTo(expected);
    }

    @Test
    void should_reject_a_negative_epoch_or_step() {
        LearningRateSchedule s = new ExponentialDecay(0.1, 0.95);
        assertThatThrownBy(() -> s.rate(-1, 0)).hasMessage("epoch must be >= 0, got -1");
        assertThatThrownBy(() -> s.rate(0, -5)).hasMessage("step must be >= 0, got -5");
    }

    @Test
    void should_copy_its_lists_so_callers_cannot_change_it() {
        List<Double> values = new java.util.ArrayList<>(List.of(0.1, 0.05));
        PerEpochList s = new PerEpochList(values);
        values.set(0, 9.0);
        assertThat(s.rate(0, 0)).isEqualTo(0.1);
    }
}
