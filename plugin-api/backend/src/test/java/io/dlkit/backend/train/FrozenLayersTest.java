package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

/**
 * {@code trainable: false} and {@code freezeUpTo}: frozen layers keep their weights in training.
 */
class FrozenLayersTest {
    private static final Map<String, Object> MODEL =
            Map.of(
                    "input_shape",
                    List.of(2),
                    "layers",
                    List.of(
                            Map.of("type", "dense", "units", 3, "activation", "tanh"),
                            Map.of("type", "batch_norm"),
                            Map.of("type", "dense", "units", 1, "activation", "sigmoid")));

    @Test
    void should_round_trip_trainable_false_and_leave_frozen_variables_out_of_training() {
        // given
        Sequential frozen = Sequential.fromConfig(MODEL).freezeUpTo("batch_norm_1");
        // then: the config records it, and rebuilds the same model
        assertThat(frozen.frozenLayers()).containsExactly("dense_1", "batch_norm_1");
        assertThat(Sequential.fromConfig(frozen.config())).isEqualTo(frozen);
        assertThat(frozen.config().toString()).contains("trainable=false");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            TrainingGraph tg =
                    TrainingGraph.build(
                            g,
                            frozen,
                            new TestOptimizers.GradientDescent(),
                            TrainingSpec.defaults());
            assertThat(frozen.trainableVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly("dense_2_kernel", "dense_2_bias");
            assertThat(frozen.trainingUpdates()).isEmpty();
            Map<String, float[]> before = values(g, frozen.variables());
            // when: two epochs at a large rate
            Dataset data =
                    Dataset.ofClasses(
                            new float[] {1, 2, -1, -2, 0.5f, 1, -3, 1},
                            new int[] {1, 0, 1, 0},
                            2,
                            2);
            TrainOptions o = new TrainOptions(2, 2, new ConstantSchedule(0.5), 3, 0, null, 1);
            new Trainer(tg, o, null, null).fit(data, null, TrainState.initial());
            Map<String, float[]> after = values(g, frozen.variables());
            // then: everything of dense_1 and batch_norm_1 (moving statistics too) is unchanged
            for (String name : before.keySet()) {
                if (name.startsWith("dense_2")) {
                    assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name));
                } else {
                    assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
                }
            }
        }
    }

    @Test
    void should_reject_freezing_an_unknown_layer_with_did_you_mean() {
        assertThatThrownBy(() -> Sequential.fromConfig(MODEL).freezeUpTo("dense1"))
                .hasMessage(
                        "--freeze: no layer named 'dense1' (did you mean dense_1?); layers:"
                                + " dense_1, batch_norm_1, dense_2");
    }

    @Test
    void should_reject_a_trainable_that_is_not_a_boolean() {
        Map<String, Object> bad =
                Map.of(
                        "input_shape",
                        List.of(2),
                        "layers",
                        List.of(Map.of("type", "dense", "units", 1, "trainable", "no")));
        assertThatThrownBy(() -> Sequential.fromConfig(bad))
                .hasMessage("layers[0].trainable: must be true or false, got 'no'");
    }

    private static Map<String, float[]> values(GraphContext g, List<WeightVariable<TFloat32>> vs) {
        Map<String, float[]> m = new java.util.LinkedHashMap<>();
        for (WeightVariable<TFloat32> v : vs) m.put(v.name(), GraphValues.fetch(g, v.name()));
        return m;
    }
}
