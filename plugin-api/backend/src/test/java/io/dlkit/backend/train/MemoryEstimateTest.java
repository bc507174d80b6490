package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    /** 2 -> dense 4 (tanh) -> dense 1 (sigmoid): 2*4+4 + 4*1+1 = 17 weights. */
    private static Sequential flower(long units) {
        return Sequential.fromConfig(
                Map.of(
                        "input_shape", List.of(2),
                        "layers",
                                List.of(
                                        Map.of(
                                                "type",
                                                "dense",
                                                "units",
                                                units,
                                                "activation",
                                                "tanh"),
                                        Map.of(
                                                "type",
                                                "dense",
                                                "units",
                                                1,
                                                "activation",
                                                "sigmoid"))));
    }

    @Test
    void should_count_variables_gradients_and_three_activation_values_while_training() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given: momentum keeps one velocity per weight
            Sequential model = flower(4);
            TrainingGraph.build(
                    g, model, new TestOptimizers.Momentum(0.9), TrainingSpec.defaults());

            // when
            MemoryEstimate e = MemoryEstimate.ofTraining(g, model, 10);

            // then: 17 weights + 17 velocities; 17 gradients; 10 * (2 + 4 + 1) values * 3
            assertThat(e.variableBytes()).isEqualTo(4 * (17 + 17));
            assertThat(e.gradientBytes()).isEqualTo(4 * 17);
            assertThat(e.activationBytes()).isEqualTo(4 * 10 * 7 * 3);
            assertThat(e.totalBytes()).isEqualTo(136 + 68 + 840);
        }
    }

    @Test
    void should_count_weights_and_one_activation_value_at_inference() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Sequential model = flower(4);
            TrainingGraph.build(
                    g, model, new TestOptimizers.GradientDescent(), TrainingSpec.defaults());

            MemoryEstimate e = MemoryEstimate.ofInference(g, model, 256);

            assertThat(e.totalBytes()).isEqualTo(4 * 17 + 4 * 256 * 7);
            assertThat(e.breakdown())
                    .isEqualTo("variables 68 B, activations of a 256-sample batch 7.0 KiB");
        }
    }

    @Test
    void should_estimate_a_billion_unit_layer_without_allocating_it() {
        // given: the model file; building the forward graph allocates nothing
        ModelSummary s;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Sequential model = flower(1_000_000_000L);
            model.forward(
                    g,
                    g.tf().placeholder(
                                    org.tensorflow.types.TFloat32.class,
                                    org.tensorflow.op.core.Placeholder.shape(
                                            org.tensorflow.ndarray.Shape.of(-1, 2))),
                    g.tf().constant(false));
            s = ModelSummary.of(model);
        }

        // when: Adam (2 slots) at batch 64
        MemoryEstimate e = MemoryEstimate.ofSummary(s, 64, 2);

        // then: 4,000,000,001 weights (3e9 + 1e9 + 1) three times over, their gradients, and
        // 64 * (1e9 + 1) outputs three times over, 4 bytes each
        assertThat(s.totalParams()).isEqualTo(4_000_000_001L);
        assertThat(e.variableBytes()).isEqualTo(4L * 3 * 4_000_000_001L);
        assertThat(e.gradientBytes()).isEqualTo(4L * 4_000_000_001L);
        assertThat(e.activationBytes()).isEqualTo(4L * 64 * 3 * 1_000_000_001L);
        assertThat(MemoryEstimate.human(e.totalBytes())).isEqualTo("774.9 GiB");
        assertThat(e.totalBytes()).isGreaterThan(AvailableMemory.bytes().orElse(0));
    }

    @Test
    void should_print_sizes_in_binary_units_with_one_decimal() {
        assertThat(MemoryEstimate.human(512)).isEqualTo("512 B");
        assertThat(MemoryEstimate.human(1536)).isEqualTo("1.5 KiB");
        assertThat(MemoryEstimate.human(3L << 30)).isEqualTo("3.0 GiB");
        assertThat(MemoryEstimate.human(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void should_read_the_available_memory_of_this_linux_machine_from_proc_meminfo() {
        // /proc/meminfo's MemAvailable is in kB; the machine has at least some free memory
        assertThat(AvailableMemory.bytes()).isPresent();
        assertThat(AvailableMemory.bytes().getAsLong()).isBetween(1L << 20, 1L << 50);
    }
}
