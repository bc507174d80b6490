package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineOptionsTest {
    @Test
    void should_fail_in_one_line_with_exit_2_when_the_spark_add_on_is_missing() {
        // given: the cli's class path has no DistributedTraining service
        EngineOptions spark = EngineOptions.parse("spark", null, null, null);

        // when / then
        assertThatThrownBy(spark::find)
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "--engine spark needs the Spark add-on (not installed); build it with"
                                + " `mvn -o -pl plugins/spark -am package -DskipTests` and run"
                                + " plugins/spark/target/dlkit-spark/bin/dlkit, or use --engine local")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_default_to_two_workers_averaging_every_ten_steps_and_round_trip_model_yaml() {
        EngineOptions spark = EngineOptions.parse("spark", null, null, null);

        assertThat(spark).isEqualTo(new EngineOptions("spark", 2, null, 10));
        assertThat(spark.toConfig())
                .isEqualTo(Map.of("name", "spark", "workers", 2, "average_every", 10));
        assertThat(EngineOptions.fromConfig(spark.toConfig())).isEqualTo(spark);
        assertThat(EngineOptions.fromConfig(null)).isEqualTo(EngineOptions.LOCAL);
    }

    @Test
    void should_reject_worker_options_without_a_distributed_engine() {
        assertThatThrownBy(() -> EngineOptions.parse(null, 2, null, null))
                .hasMessage(
                        "--workers, --master and --average-every apply to a distributed engine;"
                                + " add --engine spark");
        assertThatThrownBy(() -> EngineOptions.parse("spark", 0, null, null))
                .hasMessage("--workers must be at least 1, got 0");
        assertThatThrownBy(() -> EngineOptions.parse("spark", 2, null, 0))
                .hasMessage("--average-every must be at least 1, got 0");
    }
}
