package io.dlkit.backend.train.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SchedulesTest {

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("constant", new ConstantSchedule(0.01)),
                Arguments.of("constant:learning_rate=0.3", new ConstantSchedule(0.3)),
                Arguments.of("inverse_time", new InverseTimeDecay(0.01, 1)),
                Arguments.of("inverse_time:decay_rate=1", new InverseTimeDecay(0.01, 1)),
                Arguments.of("exponential", new ExponentialDecay(0.01, 0.95)),
                Arguments.of("exponential:rate=0.95", new ExponentialDecay(0.01, 0.95)),
                Arguments.of(
                        " exponential : learning_rate = 0.1 , rate = 0.9 ",
                        new ExponentialDecay(0.1, 0.9)),
                Arguments.of(
                        "piecewise:boundaries=1000|2000,values=0.1|0.01|0.001",
                        new PiecewiseConstant(List.of(1000L, 2000L), List.of(0.1, 0.01, 0.001))),
                Arguments.of(
                        "piecewise:boundaries=,values=0.1",
                        new PiecewiseConstant(List.of(), List.of(0.1))),
                Arguments.of("list:0.1|0.05|0.01", new PerEpochList(List.of(0.1, 0.05, 0.01))),
                Arguments.of("list:values=0.1|0.05", new PerEpochList(List.of(0.1, 0.05))),
                Arguments.of("list:0.2", new PerEpochList(List.of(0.2))));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void should_parse_the_command_line_syntax(String spec, LearningRateSchedule expected) {
        assertThat(Schedules.parse(spec)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void should_round_trip_through_config_and_spec(String spec, LearningRateSchedule schedule) {
        assertThat(Schedules.fromConfig(schedule.config())).isEqualTo(schedule);
        assertThat(Schedules.parse(Schedules.format(schedule))).isEqualTo(schedule);
        assertThat(schedule.config()).containsEntry("type", schedule.type());
    }

    @Test
    void should_take_the_initial_rate_from_the_caller_unless_the_spec_gives_one() {
        assertThat(Schedules.parse("inverse_time:decay_rate=2", 0.5))
                .isEqualTo(new InverseTimeDecay(0.5, 2));
        assertThat(Schedules.parse("exponential:learning_rate=0.1", 0.5))
                .isEqualTo(new ExponentialDecay(0.1, 0.95));
    }

    @Test
    void should_format_a_spec_users_can_read() {
        assertThat(Schedules.format(new ExponentialDecay(0.1, 0.95)))
                .isEqualTo("exponential:learning_rate=0.1,rate=0.95");
        assertThat(Schedules.format(new PerEpochList(List.of(0.1, 0.05))))
                .isEqualTo("list:values=0.1|0.05");
    }

    @Test
    void should_read_a_config_map_from_a_pipeline_file() {
        // given: what YAML gives for {type: piecewise, boundaries: [1000, 2000], values: [...]}
        Map<String, Object> config =
                Map.of(
                        "type", "piecewise",
                        "boundaries", List.of(1000, 2000),
                        "values", List.of(0.1, 0.01, 0.001));
        // when
        LearningRateSchedule s = Schedules.fromConfig(config);
        // then
        assertThat(s)
                .isEqualTo(Schedules.parse("piecewise:boundaries=1000|2000,values=0.1|0.01|0.001"));
        assertThat(
                        Schedules.fromConfig(
                                Map.of(
                                        "type",
                                        "inverse_time",
                                        "learning_rate",
                                        0.2,
                                        "decay_rate",
                                        1)))
                .isEqualTo(new InverseTimeDecay(0.2, 1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '"',
            value = {
                "expo => unknown learning-rate schedule 'expo'; did you mean 'exponential'? known: constant, inverse_time, exponential, piecewise, list",
                "cosine => unknown learning-rate schedule 'cosine'; known: constant, inverse_time, exponential, piecewise, list",
                "inverse_time:decay_rate => learning-rate schedule 'inverse_time:decay_rate': expected key=value, got 'decay_rate'",
                "exponential: => learning-rate schedule 'exponential:': nothing after ':'; give key=value pairs or drop the ':'",
                "exponential:rate=0.9,rate=0.8 => learning-rate schedule 'exponential:rate=0.9,rate=0.8': key 'rate' is given twice",
                "exponential:rate=1.5 => exponential: rate must be in (0, 1], got 1.5",
                "exponential:rate=0 => exponential: rate must be in (0, 1], got 0.0",
                "exponential:rate=abc => exponential: rate must be a number, got 'abc'",
                "exponential:decay=0.9 => exponential: unknown key 'decay'; known keys: learning_rate, rate",
                "inverse_time:decay_rate=-1 => inverse_time: decay_rate must be >= 0 and finite, got -1.0",
                "constant:learning_rate=0 => constant: learning_rate must be > 0 and finite, got 0.0",
                "constant:rate=0.1 => constant: unknown key 'rate'; known keys: learning_rate",
                "piecewise:boundaries=1000|2000,values=0.1|0.01 => piecewise: needs one more value than boundaries, got 2 boundaries and 2 values, e.g. piecewise:boundaries=1000|2000,values=0.1|0.01|0.001",
                "piecewise:boundaries=2000|1000,values=0.1|0.01|0.001 => piecewise: boundaries must be > 0 and increasing, got [2000, 1000]",
                "piecewise:boundaries=0,values=0.1|0.01 => piecewise: boundaries must be > 0 and increasing, got [0]",
                "piecewise:boundaries=10.5,values=0.1|0.01 => piecewise: boundaries must be whole numbers, got 10.5",
                "piecewise:values=0.1 => piecewise: boundaries is required, e.g. piecewise:boundaries=1000|2000,values=0.1|0.01|0.001",
                "list => list: values is required, e.g. list:0.1|0.05|0.01",
                "list:0.1|-1 => list: values must be > 0 and finite, got -1.0",
                "list:0.1||0.01 => list: values must be a number, got ''",
            })
    void should_reject_a_bad_spec_with_a_one_line_message(String spec, String message) {
        assertThatThrownBy(() -> Schedules.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void should_reject_an_empty_spec_and_a_config_without_type() {
        assertThatThrownBy(() -> Schedules.parse(" "))
                .hasMessage(
                        "learning-rate schedule is empty; use one of constant, inverse_time,"
                                + " exponential, piecewise, list, e.g. exponential:rate=0.95");
        assertThatThrownBy(() -> Schedules.fromConfig(Map.of("rate", 0.9)))
                .hasMessage(
                        "learning-rate schedule config needs a 'type': one of constant,"
                                + " inverse_time, exponential, piecewise, list");
    }
}
