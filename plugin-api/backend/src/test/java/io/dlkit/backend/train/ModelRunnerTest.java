package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.FrozenGraph;
import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluation and prediction of models whose weights are set by hand, against counts and losses
 * worked out here. Batches of 4 over 5 or 6 samples make a smaller last batch, which must weigh by
 * its rows.
 */
class ModelRunnerTest {
    private static final long SEED = 13;

    // z = x W with W = [[2, 0], [0, 1]]: z = (2 x0, x1), the class is the larger
    private static final float[] SOFTMAX_X = {1, 0, 0, 1, 1, 1, 0.2f, 1, 3, 1, 0, 2};
    private static final int[] SOFTMAX_LABELS = {0, 1, 1, 0, 0, 1};

    @Test
    void should_count_softmax_accuracy_and_confusion_by_hand() {
        // given: z = (2, 0) -> 0 right; (0, 1) -> 1 right; (2, 1) -> 0 but 1; (0.4, 1) -> 1 but 0;
        // (6, 1) -> 0 right; (0, 2) -> 1 right
        Dataset data = Dataset.ofClasses(SOFTMAX_X, SOFTMAX_LABELS, 2, 2);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            ModelRunner runner = new ModelRunner(softmaxModel(g));
            // when
            Evaluation e = runner.evaluate(data, 4);
            // then: the cross-entropy of each row is logsumexp(z) - z_label
            double loss = 0;
            for (int i = 0; i < 6; i++) {
                double[] z = {2 * SOFTMAX_X[2 * i], SOFTMAX_X[2 * i + 1]};
                loss += Math.log(Math.exp(z[0]) + Math.exp(z[1])) - z[SOFTMAX_LABELS[i]];
            }
            assertThat(e.samples()).isEqualTo(6);
            assertThat(e.accuracy()).isEqualTo(4.0 / 6);
            assertThat(e.confusion()).isDeepEqualTo(new long[][] {{2, 1}, {1, 2}});
            assertThat(e.loss()).isCloseTo(loss / 6, within(1e-6));
        }
    }

    @Test
    void should_predict_softmax_rows_in_data_order_and_report_each_batch() {
        // given
        Dataset data = Dataset.ofClasses(SOFTMAX_X, SOFTMAX_LABELS, 2, 2);
        List<Integer> progress = new ArrayList<>();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            ModelRunner runner = new ModelRunner(softmaxModel(g));
            // when
            float[] out = runner.predict(data, 4, progress::add);
            // then: row i is softmax(2 x0, x1) of sample i
            assertThat(out).hasSize(12);
            for (int i = 0; i < 6; i++) {
                double z0 = 2 * SOFTMAX_X[2 * i];
                double z1 = SOFTMAX_X[2 * i + 1];
                double p1 = 1 / (1 + Math.exp(z0 - z1));
                assertThat(out[2 * i]).as("row %d", i).isCloseTo((float) (1 - p1), within(1e-6f));
                assertThat(out[2 * i + 1]).as("row %d", i).isCloseTo((float) p1, within(1e-6f));
            }
            assertThat(progress).containsExactly(1, 2);
        }
    }

    @Test
    void should_count_sigmoid_accuracy_and_confusion_by_hand() {
        // given: z = x0 - x1, class 1 when sigmoid(z) > 0.5: (1, 0) -> 1 right; (0, 1) -> 0 right;
        // (2, 1) -> 1 but 0; (0.5, 1) -> 0 but 1; (0, 0) -> sigmoid 0.5 -> 0 right
        float[] x = {1, 0, 0, 1, 2, 1, 0.5f, 1, 0, 0};
        int[] labels = {1, 0, 0, 1, 0};
        Dataset data = Dataset.ofClasses(x, labels, 2, 2);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph graph = build(g, 1, "sigmoid");
            GraphValues.assign(g, "out_kernel", 1, -1);
            // when
            Evaluation e = new ModelRunner(graph).evaluate(data, 4);
            // then: the binary cross-entropy of each row is log(1 + e^-z) for y = 1, else log(1 +
            // e^z)
            double loss = 0;
            for (int i = 0; i < 5; i++) {
                double z = x[2 * i] - x[2 * i + 1];
                loss += Math.log1p(Math.exp(labels[i] == 1 ? -z : z));
            }
            assertThat(graph.objective).isEqualTo(LossKind.BINARY_CROSSENTROPY);
            assertThat(e.accuracy()).isEqualTo(3.0 / 5);
            assertThat(e.confusion()).isDeepEqualTo(new long[][] {{2, 1}, {1, 1}});
            assertThat(e.loss()).isCloseTo(loss / 5, within(1e-6));
        }
    }

    @Test
    void should_evaluate_and_predict_through_a_frozen_copy_with_the_weights_it_was_made_with() {
        // given: the softmax model frozen, then its variable changed to W = 0 (uniform outputs)
        Dataset data = Dataset.ofClasses(SOFTMAX_X, SOFTMAX_LABELS, 2, 2);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph graph = softmaxModel(g);
            float[] expected = new ModelRunner(graph).predict(data, 4, b -> {});
            Evaluation before = new ModelRunner(graph).evaluate(data, 4);
            try (FrozenGraph frozen = FrozenGraph.of(g)) {
                GraphValues.assign(g, "out_kernel", 0, 0, 0, 0);
                ModelRunner runner = new ModelRunner(graph, frozen);
                // when
                float[] out = runner.predict(data, 4, b -> {});
                Evaluation e = runner.evaluate(data, 4);
                // then: the frozen copy still gives the hand-checked results of W = [[2,0],[0,1]]
                assertThat(out).containsExactly(expected, within(1e-6f));
                assertThat(e.accuracy()).isEqualTo(4.0 / 6);
                assertThat(e.confusion()).isDeepEqualTo(new long[][] {{2, 1}, {1, 2}});
                assertThat(e.loss()).isCloseTo(before.loss(), within(1e-6));
                assertThat(new ModelRunner(graph).predict(data, 4, b -> {})[0]).isEqualTo(0.5f);
            }
        }
    }

    private static TrainingGraph softmaxModel(GraphContext g) {
        TrainingGraph graph = build(g, 2, "softmax");
        GraphValues.assign(g, "out_kernel", 2, 0, 0, 1);
        return graph;
    }

    private static TrainingGraph build(GraphContext g, int units, String activation) {
        Sequential model =
                Sequential.builder()
                        .input(2)
                        .add(
                                DenseLayer.builder()
                                        .setUnits(units)
                                        .optName("out")
                                        .optActivation(activation)
                                        .optUseBias(false)
                                        .build())
                        .build();
        return TrainingGraph.build(
                g, model, new TestOptimizers.GradientDescent(), TrainingSpec.defaults());
    }
}
