package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An objective from outside the backend trained by the core {@link Trainer}: its loss drives the
 * steps, its extra metric is averaged per epoch, validated, logged, resumed and stopped on.
 */
class ObjectiveTrainingTest {
    /** Loss: mean |y^ - y| (MAE); metric {@code squared}: mean (y^ - y)^2. */
    static final Objective MAE =
            new Objective() {
                @Override
                public String id() {
                    return "test_mae";
                }

                @Override
                public String description() {
                    return "mean |y^ - y|";
                }

                @Override
                public boolean classification() {
                    return false;
                }

                @Override
                public List<String> metricNames() {
                    return List.of("squared");
                }

                @Override
                public Loss build(GraphContext graph, Inputs in) {
                    Ops tf = graph.tf();
                    Operand<TFloat32> y = in.output().output();
                    Operand<TFloat32> t = tf.reshape(in.floatTargets(), tf.shape(y));
                    Operand<TFloat32> d = tf.math.sub(y, t);
                    return new Loss(
                            mean(tf, tf.math.abs(d)),
                            Map.of("squared", mean(tf, tf.math.square(d))));
                }
            };

    @AfterEach
    void forget() {
        Objectives.unregister("test_mae");
    }

    @Test
    void should_train_on_the_objective_and_report_its_metric_on_train_and_validation_data() {
        // given: y^ = w x from w = 0 on samples (1, 1) and (2, 2) in one batch, alpha 0.1.
        // Epoch 1 at w = 0: MAE (1 + 2)/2 = 1.5, squared (1 + 4)/2 = 2.5; dMAE/dw = mean(-x) = -1.5
        // so w = 0.15. Validation (the same samples) at w = 0.15: MAE (0.85 + 1.7)/2 = 1.275,
        // squared (0.7225 + 2.89)/2 = 1.80625; epoch 2 trains from there, w = 0.3.
        Dataset data = Dataset.ofTargets(new float[] {1, 2}, new long[] {1}, new float[] {1, 2}, 1);
        TrainOptions options =
                new TrainOptions(2, 2, new ConstantSchedule(0.1), 3, 0, "val_squared", 1);
        // when
        TrainState end;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            TrainerLoopTest.linearUnit(),
                            new TestOptimizers.GradientDescent(),
                            new TrainingSpec(MAE, 0, 0, 0));
            end = new Trainer(graph, options, null, null).fit(data, data, TrainState.initial());
        }
        // then
        EpochMetrics first = end.history().get(0);
        assertThat(first.loss()).isCloseTo(1.5, within(1e-6));
        assertThat(first.extra()).containsOnlyKeys("squared", "val_squared");
        assertThat(first.metric("squared")).isCloseTo(2.5, within(1e-6));
        assertThat(first.metric("val_squared")).isCloseTo(1.80625, within(1e-6));
        assertThat(first.valLoss()).isCloseTo(1.275, within(1e-6));
        assertThat(end.history().get(1).metric("squared")).isCloseTo(1.80625, within(1e-6));
        // w = 0.3 after epoch 2: squared (0.49 + 1.96)/2 = 1.225, better, so the best is kept
        assertThat(end.best()).isCloseTo(1.225, within(1e-6));
    }

    @Test
    void should_keep_extra_metrics_through_a_stored_training_state() throws Exception {
        EpochMetrics m =
                new EpochMetrics(
                        1,
                        5,
                        0.5,
                        0,
                        Double.NaN,
                        0.6,
                        Double.NaN,
                        0.1,
                        1,
                        10,
                        Map.of("squared", 0.25));
        TrainState s = new TrainState(1, 0, 5, new double[6], Double.NaN, 0, List.of(m));
        StringWriter w = new StringWriter();
        s.store(w);
        TrainState back = TrainState.load(new StringReader(w.toString()));
        assertThat(back.history().get(0).extra()).isEqualTo(Map.of("squared", 0.25));
        assertThat(back.history().get(0)).isEqualTo(m);
    }

    @Test
    void should_resolve_objectives_by_id_with_did_you_mean() {
        Objectives.register(MAE);
        assertThat(Objectives.resolve("test_mae")).isSameAs(MAE);
        assertThat(Objectives.resolve("mse")).isEqualTo(LossKind.MSE);
        assertThatThrownBy(() -> Objectives.resolve("test_mea"))
                .hasMessage(
                        "unknown loss 'test_mea' (did you mean test_mae?); use one of"
                                + " binary_crossentropy, categorical_crossentropy, mse, test_mae");
    }

    private static Operand<TFloat32> mean(Ops tf, Operand<TFloat32> x) {
        return tf.math.mean(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
    }
}
