package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.RunTrace;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code dlkit bench --profile}'s view of a training step: a traced run puts each kernel in the
 * part of the step it belongs to, and counts it once per run.
 */
class StepGroupsTest {
    private static final float[] X = {1, 2, -1, 0.5f, 0.5f, -1, 2, 1};
    private static final int[] Y = {0, 1, 1, 0};

    @Test
    @SuppressWarnings("unchecked")
    void should_put_the_forward_matmul_the_gradient_and_the_update_in_their_groups() {
        Sequential model =
                Sequential.builder()
                        .input(2)
                        .add(DenseLayer.builder().setUnits(2).optActivation("softmax").build())
                        .build();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            TrainingGraph tg =
                    TrainingGraph.build(
                            g,
                            model,
                            new TestOptimizers.GradientDescent(),
                            new TrainingSpec(null, 0, 0, 0));
            RunTrace trace = new RunTrace(g.graph(), StepGroups.of(tg));
            // when: 3 epochs of one batch of 4, each step traced
            new Trainer(
                            tg,
                            new TrainOptions(3, 4, new ConstantSchedule(0.1), 7, 0, null, 1),
                            null,
                            TrainingListener.NONE)
                    .tracing(trace)
                    .fit(Dataset.ofClasses(X, Y, 2, new long[] {2}), null, TrainState.initial());
            // then
            Map<String, Object> s = trace.summary();
            assertThat(trace.runs()).isEqualTo(3);
            var groups = (Map<String, Map<String, Object>>) s.get("op_ms_per_run");
            assertThat(groups).containsKeys("forward", "gradient", "optimizer", "feeding");
            assertThat(groups.get("forward").keySet()).anyMatch(t -> t.contains("MatMul"));
            assertThat(groups.get("forward")).containsKey("SoftmaxCrossEntropyWithLogits");
            // dW = X^T dZ: one MatMul per run in the gradient (no dX: x is not trained)
            assertThat(groups.get("gradient").keySet()).anyMatch(t -> t.contains("MatMul"));
            var update = groups.get("optimizer").keySet();
            assertThat(update).anyMatch(t -> t.startsWith("Assign"));
            // x, labels and the learning rate: 3 argument nodes a run (the training flag is fed
            // too, but nothing in this model reads it, so the graph optimizer prunes it)
            assertThat((java.util.List<Double>) groups.get("feeding").get("_Arg"))
                    .element(1)
                    .isEqualTo(3.0);
            assertThat((double) s.get("run_ms")).isPositive();
        }
    }
}
