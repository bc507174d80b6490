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
        assertFiguresAgree(b, flopsPerSample("samples/models/mlp.yaml"));
        // the peak is measured first (none given): the share is GFLOP/s over it
        assertThat(b.get("cpu_ms_per_step").asDouble()).isPositive();
        assertThat(b.get("share_of_peak").asDouble())
                .isCloseTo(
                        b.get("gflops_per_s").asDouble() / b.get("peak_gflops_per_s").asDouble(),
                        org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void should_compute_on_the_number_of_threads_asked_for() throws IOException {
        // TensorFlow sizes the intra-op pool that every session shares (oneDNN's kernels
        // included) from the first session of the process; the runtime's own start-up sessions
        // used to ask for all cores, so that --threads 1 still computed on every core (on this
        // 2-core machine the process used 1.45 CPU seconds per second of the timed steps)
        Result r =
                dlkit(
                        "--threads 1 -q --format json bench train --batch-size 128 --steps 150"
                                + " --warmup 60 --model",
                        DlkitProcess.ROOT.resolve("samples/models/mlp.yaml").toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode b = new ObjectMapper().readTree(r.out());
        assertThat(b.get("threads").asInt()).isEqualTo(1);
        // process CPU time over wall time while the steps ran: one computing thread, plus the
        // JVM's own (compiler, collector) and the runner thread's hand-offs
        assertThat(b.get("cpu_ms_per_step").asDouble() / b.get("ms_per_step").asDouble())
                .isLessThan(1.3);
    }

    @Test
    void should_measure_the_matmul_peak_and_profile_a_training_step() throws IOException {
        // when
        Result gemm = dlkit("--threads 1 -q --format json bench gemm --sizes 64,128 --steps 3");
        Result profile =
                dlkit(
                        "--threads 1 -q bench train --batch-size 32 --steps 8 --warmup 0 --peak 100"
                                + " --profile --profile-steps 4 --model",
                        DlkitProcess.ROOT.resolve("samples/models/lenet5.yaml").toString());

        // then: the peak is the best size's figure
        assertThat(gemm.exitCode()).as(gemm.toString()).isZero();
        JsonNode g = new ObjectMapper().readTree(gemm.out());
        assertThat(g.get("peak_gflops_per_s").asDouble())
                .isPositive()
                .isEqualTo(
                        Math.max(
                                g.get("gflops_per_s_64").asDouble(),
                                g.get("gflops_per_s_128").asDouble()));
        // and the profile names the step's parts and LeNet's kernels
        assertThat(profile.exitCode()).as(profile.toString()).isZero();
        assertThat(profile.out())
                .contains("peak_gflops_per_s: 100", "traced runs")
                .contains("forward ops", "gradient ops", "optimizer ops", "java between runs")
                .contains("Conv2DBackpropFilter", "MaxPoolGrad", "ApplyAdam");
    }

    /**
     * The figures are one measurement seen three ways: samples/s x ms/step / 1000 is the batch, and
     * GFLOP/s is samples/s x 3 x forward FLOPs per sample (forward + backward ~ 3 forwards) / 1e9,
     * the FLOPs being those {@code dlkit summary} reports. Rounding to 0.1 samples/s, 1 us and 0.01
     * GFLOP/s keeps them within 0.5% of each other.
     */
    private static void assertFiguresAgree(JsonNode b, long flopsPerSample) {
        double samplesPerS = b.get("samples_per_s").asDouble();
        double msPerStep = b.get("ms_per_step").asDouble();
        int batch = b.get("batch").asInt();
        assertThat(samplesPerS * msPerStep / 1000)
                .as("samples/s x s/step")
                .isCloseTo(batch, org.assertj.core.data.Percentage.withPercentage(0.5));
        assertThat(b.get("gflops_per_s").asDouble())
                .as("GFLOP/s from samples/s and the summary's FLOPs")
                .isCloseTo(
                        samplesPerS * 3 * flopsPerSample / 1e9,
                        org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    private static long flopsPerSample(String model) throws IOException {
        Result r = dlkit("-q --format json summary", DlkitProcess.ROOT.resolve(model).toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        long flops = new ObjectMapper().readTree(r.out()).get("flops_per_sample").asLong();
        assertThat(flops).isPositive();
        return flops;
    }
}
