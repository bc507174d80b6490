package io.dlkit.tests;

import static io.dlkit.tests.Words.dlkit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code dlkit bench train}: it measures something; how fast is the machine's business. */
class BenchIT {

    @Test
    void should_report_throughput_of_the_mlp_training_loop() throws IOException {
        // when
        Result r =
                dlkit(
                        "--threads 2 -q --format json bench train --batch-size 128 --steps 30"
                                + " --warmup 5 --model",
                        DlkitProcess.ROOT.resolve("samples/models/mlp.yaml").toString());

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode b = new ObjectMapper().readTree(r.out());
        assertThat(b.get("workload").asText()).isEqualTo("train mlp.yaml");
        assertThat(b.get("batch").asInt()).isEqualTo(128);
        assertThat(b.get("threads").asInt()).isEqualTo(2);
        assertThat(b.get("steps").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(b.get("samples_per_s").asDouble()).isPositive();
        assertThat(b.get("ms_per_step").asDouble()).isPositive();
        assertThat(b.get("gflops_per_s").asDouble()).isPositive();
        // 10 synthetic classes, random labels: the loss starts near ln(10) = 2.30
        assertThat(b.get("final_loss").asDouble()).isBetween(0.0, 3.0);
    }
}
