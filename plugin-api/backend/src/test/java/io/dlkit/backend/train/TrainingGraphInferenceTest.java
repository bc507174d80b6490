package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * The evaluation-only graph: its training flag is a constant, and batch norm uses the moving
 * statistics, {@code out = gamma (z - moving_mean) / sqrt(moving_variance + eps) + beta}.
 */
class TrainingGraphInferenceTest {
    @Test
    void should_normalise_with_the_moving_statistics_under_a_constant_false_flag() {
        // given: z = x . (1, 2); moving mean 0.5, moving variance 4, gamma 3, beta -1, eps 1e-3
        Sequential model =
                Sequential.builder()
                        .input(2)
                        .add(
                                DenseLayer.builder()
                                        .setUnits(1)
                                        .optName("lin")
                                        .optUseBias(false)
                                        .optBatchNorm(true)
                                        .build())
                        .build();
        float[] x = {1, 2, -1, 0.5f, 0.5f, -1};
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            TrainingGraph tg =
                    TrainingGraph.buildForInference(
                            g,
                            model,
                            new TestOptimizers.GradientDescent(),
                            new TrainingSpec(null, 0, 0, 0));
            g.session().initialize();
            GraphValues.assign(g, "lin_kernel", 1, 2);
            GraphValues.assign(g, "lin_moving_mean", 0.5f);
            GraphValues.assign(g, "lin_moving_variance", 4);
            GraphValues.assign(g, "lin_gamma", 3);
            GraphValues.assign(g, "lin_beta", -1);
            // when
            float[] out;
            try (TFloat32 batch = Tensors.floats(x, 3, 2);
                    Result r = g.session().runner().feed(tg.x, batch).fetch(tg.output).run()) {
                out = Tensors.toFloats(r.get(0));
            }
            // then: the flag is a constant and each row uses the moving statistics
            assertThat(tg.training.op().type()).isEqualTo("Const");
            for (int i = 0; i < 3; i++) {
                double z = x[2 * i] + 2.0 * x[2 * i + 1];
                double expected = 3 * (z - 0.5) / Math.sqrt(4 + 1e-3) - 1;
                assertThat(out[i]).isCloseTo((float) expected, within(1e-5f));
            }
        }
    }

    @Test
    void should_build_and_run_a_conv_with_bias_and_batch_norm_in_the_evaluation_only_graph() {
        // given: conv (bias, batch norm, relu) -> flatten -> softmax; the graph still takes
        // gradients (its train op is built, never run) through the fused batch norm
        Sequential model =
                Sequential.builder()
                        .input(4, 4, 1)
                        .add(
                                io.dlkit.backend.nn.Conv2DLayer.builder()
                                        .setFilters(2)
                                        .setKernelSize(3)
                                        .optActivation(io.dlkit.backend.nn.Activations.get("relu"))
                                        .optUseBias(true)
                                        .optBatchNorm(true)
                                        .optName("c")
                                        .build())
                        .add(new io.dlkit.backend.nn.FlattenLayer())
                        .add(
                                DenseLayer.builder()
                                        .setUnits(3)
                                        .optActivation(
                                                io.dlkit.backend.nn.Activations.get("softmax"))
                                        .build())
                        .build();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            TrainingGraph tg =
                    TrainingGraph.buildForInference(
                            g,
                            model,
                            new TestOptimizers.GradientDescent(),
                            new TrainingSpec(null, 0, 0, 0));
            g.session().initialize();
            GraphValues.assign(g, "c_bias", 0.5f, -0.25f);
            GraphValues.assign(g, "c_moving_mean", 0.1f, 0.2f);
            GraphValues.assign(g, "c_moving_variance", 2, 0.5f);
            float[] x = new float[2 * 16];
            for (int i = 0; i < x.length; i++) x[i] = (i % 7) / 7f - 0.3f;
            // when
            float[] out;
            try (TFloat32 batch = Tensors.floats(x, 2, 4, 4, 1);
                    Result r = g.session().runner().feed(tg.x, batch).fetch(tg.output).run()) {
                out = Tensors.toFloats(r.get(0));
            }
            // then: two rows of probabilities
            assertThat(out).hasSize(6);
            assertThat(out[0] + out[1] + out[2]).isCloseTo(1f, within(1e-5f));
            assertThat(out[3] + out[4] + out[5]).isCloseTo(1f, within(1e-5f));
            assertThat(tg.trainOp).isNotNull();
        }
    }
}
