package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A training step split into towers ({@link Towers}) is the same step: from the same initial
 * weights, gradient descent on the same batches (9 samples in batches of 4, 4 and 1, so the last
 * batch leaves one tower empty) gives the same losses, accuracies and weights as the unsplit graph,
 * to float rounding; a model with batch norm or dropout is not split.
 */
class TowersTest {
    private static final long SEED = 5;

    @Test
    void should_train_exactly_as_the_unsplit_step_for_a_dense_net() {
        compare(
                List.of(
                        Map.of("type", "dense", "units", 6, "activation", "relu"),
                        Map.of("type", "dense", "units", 3, "activation", "softmax")),
                new long[] {5});
    }

    @Test
    void should_train_exactly_as_the_unsplit_step_for_a_conv_net() {
        compare(
                List.of(
                        Map.of(
                                "type",
                                "conv2d",
                                "filters",
                                3,
                                "kernel_size",
                                3,
                                "activation",
                                "relu"),
                        Map.of("type", "max_pool"),
                        Map.of("type", "flatten"),
                        Map.of("type", "dense", "units", 3, "activation", "softmax")),
                new long[] {6, 6, 1});
    }

    @Test
    void should_not_split_a_model_with_batch_statistics_or_random_masks() {
        Sequential bn =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape", List.of(4),
                                "layers",
                                        List.of(
                                                Map.of("type", "dense", "units", 3),
                                                Map.of("type", "batch_norm"))));
        Sequential dropout =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape", List.of(4),
                                "layers",
                                        List.of(
                                                Map.of("type", "dropout", "keep_prob", 0.5),
                                                Map.of("type", "dense", "units", 3))));
        assertThat(Towers.splittable(bn, null)).isFalse();
        assertThat(Towers.splittable(dropout, null)).isFalse();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            assertThatThrownBy(
                            () ->
                                    TrainingGraph.build(
                                            g,
                                            bn,
                                            new TestOptimizers.GradientDescent(),
                                            new TrainingSpec(null, 0, 0, 0),
                                            2))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void compare(List<Object> layers, long[] inputShape) {
        int features = 1;
        for (long d : inputShape) features *= (int) d;
        Random random = new Random(3);
        float[] x = new float[9 * features];
        for (int i = 0; i < x.length; i++) x[i] = random.nextFloat() * 2 - 1;
        int[] y = new int[9];
        for (int i = 0; i < y.length; i++) y[i] = random.nextInt(3);
        Dataset data = Dataset.ofClasses(x, y, 3, inputShape);
        Run one = train(layers, inputShape, data, 1);
        Run two = train(layers, inputShape, data, 2);
        // two towers: every forward product (and its gradients) twice in the graph
        assertThat(two.products).isEqualTo(2 * one.products);
        assertThat(two.losses).hasSameSizeAs(one.losses);
        for (int e = 0; e < one.losses.size(); e++) {
            assertThat(two.losses.get(e))
                    .as("epoch %d loss", e + 1)
                    .isCloseTo(one.losses.get(e), org.assertj.core.data.Offset.offset(1e-5));
            assertThat(two.accuracies.get(e)).isEqualTo(one.accuracies.get(e));
        }
        for (int i = 0; i < one.weights.size(); i++) {
            float[] a = one.weights.get(i);
            float[] b = two.weights.get(i);
            for (int k = 0; k < a.length; k++) {
                assertThat((double) b[k])
                        .as("variable %d[%d]", i, k)
                        .isCloseTo(a[k], org.assertj.core.data.Offset.offset(1e-4));
            }
        }
        // the steps did move the weights: the comparison is not of two untouched inits
        assertThat(one.losses.get(one.losses.size() - 1)).isLessThan(one.losses.get(0));
    }

    private record Run(
            List<Double> losses, List<Double> accuracies, List<float[]> weights, int products) {}

    private static Run train(List<Object> layers, long[] inputShape, Dataset data, int towers) {
        List<Object> shape = new ArrayList<>();
        for (long d : inputShape) shape.add((int) d);
        Sequential model = Sequential.fromConfig(Map.of("input_shape", shape, "layers", layers));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph tg =
                    TrainingGraph.build(
                            g,
                            model,
                            new TestOptimizers.GradientDescent(),
                            new TrainingSpec(null, 0, 0, 0),
                            towers);
            TrainOptions options =
                    new TrainOptions(6, 4, new ConstantSchedule(0.1), SEED, 0, null, 1);
            List<EpochMetrics> history =
                    new Trainer(tg, options, null, TrainingListener.NONE)
                            .fit(data, null, TrainState.initial())
                            .history();
            List<float[]> weights = new ArrayList<>();
            model.variables().forEach(v -> weights.add(GraphValues.fetch(g, v.name())));
            int[] products = {0};
            g.graph()
                    .operations()
                    .forEachRemaining(
                            o -> {
                                if (o.type().equals("MatMul") || o.type().equals("Conv2D"))
                                    products[0]++;
                            });
            return new Run(
                    history.stream().map(EpochMetrics::loss).toList(),
                    history.stream().map(EpochMetrics::accuracy).toList(),
                    weights,
                    products[0]);
        }
    }
}
