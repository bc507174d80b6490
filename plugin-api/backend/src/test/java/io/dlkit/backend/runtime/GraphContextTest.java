package io.dlkit.backend.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class GraphContextTest {

    @Test
    void should_load_tensorflow_2_18_and_see_the_cpu() {
        TfRuntime rt = TfRuntime.get();
        assertThat(rt.version()).startsWith("2.18");
        assertThat(rt.devices()).anyMatch(d -> d.type().equals("CPU"));
        assertThat(TfRuntime.isLoaded()).isTrue();
    }

    @Test
    void should_compute_with_a_flat_named_variable_read_through_identity() {
        // given
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            Ops tf = g.tf();
            WeightVariable<TFloat32> w =
                    g.variable("dense1_kernel", tf.constant(new float[] {1f, 2f, 3f}), true);
            Operand<TFloat32> x = tf.placeholder(TFloat32.class);
            Operand<TFloat32> y = tf.math.mul(w.read(), x);
            // when
            try (TFloat32 in = Tensors.floats(new float[] {2f, 2f, 2f}, 3);
                    Result r = g.session().runner().feed(x, in).fetch(y).run()) {
                // then: 2 * [1, 2, 3]
                assertThat(Tensors.toFloats(r.get(0))).containsExactly(2f, 4f, 6f);
            }
            assertThat(g.trainableVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly("dense1_kernel");
            assertThat(g.header()).startsWith("device: CPU:0 | TensorFlow 2.18");
        }
    }

    @Test
    void should_reject_a_scoped_variable_name() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            assertThatThrownBy(() -> g.variable("dense/kernel", g.tf().constant(1f), true))
                    .hasMessage(
                            "variable name 'dense/kernel' must be flat: letters, digits, '_', '.', '-'");
        }
    }

    @Test
    void should_refuse_a_gpu_that_is_not_there() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                TfRuntime.get().gpus().isEmpty(), "this machine has a GPU");
        assertThatThrownBy(() -> GraphContext.create(DeviceRequest.parse("gpu"), 1, 7))
                .isInstanceOf(BackendException.class)
                .hasMessageStartingWith("--device gpu:0 requested but TensorFlow sees no GPU: ")
                .hasMessageContaining("mvn -Pgpu package");
    }

    @Test
    void should_derive_distinct_reproducible_seeds_per_name() {
        assertThat(Seeds.derive(42, "a_kernel")).isEqualTo(Seeds.derive(42, "a_kernel"));
        assertThat(Seeds.derive(42, "a_kernel")).isNotEqualTo(Seeds.derive(42, "b_kernel"));
        assertThat(Seeds.derive(42, "a_kernel")).isNotEqualTo(Seeds.derive(43, "a_kernel"));
        assertThat(Seeds.derive(-1, "x")).isNotNegative();
    }

    @Test
    void should_parse_device_requests_and_reject_junk() {
        assertThat(DeviceRequest.parse("GPU:1"))
                .isEqualTo(new DeviceRequest(DeviceRequest.Kind.GPU, 1));
        assertThat(DeviceRequest.parse("auto").kind()).isEqualTo(DeviceRequest.Kind.AUTO);
        assertThatThrownBy(() -> DeviceRequest.parse("tpu"))
                .hasMessage("invalid device 'tpu': use cpu, gpu, gpu:N (N >= 0) or auto");
        assertThat(Shape.of(2, 3).size()).isEqualTo(6);
    }
}
