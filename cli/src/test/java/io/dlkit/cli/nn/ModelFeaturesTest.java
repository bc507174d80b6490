package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.api.model.ModelStore.GraphModel;
import io.dlkit.api.model.ModelStore.LoadedModel;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.testkit.FakeCommandContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Feature access through the host's model store: a LeNet-5's named intermediate activation, its
 * weights by name, and the model opened in a caller's graph with gradients to the input pixels.
 */
class ModelFeaturesTest {
    private static final List<Map<String, Object>> LENET5 =
            List.of(
                    Map.of(
                            "type",
                            "conv2d",
                            "filters",
                            6,
                            "kernel_size",
                            5,
                            "padding",
                            2,
                            "activation",
                            "relu"),
                    Map.of("type", "max_pool"),
                    Map.of("type", "conv2d", "filters", 16, "kernel_size", 5, "activation", "relu"),
                    Map.of("type", "max_pool"),
                    Map.of("type", "flatten"),
                    Map.of("type", "dense", "units", 120, "activation", "relu"),
                    Map.of("type", "dense", "units", 84, "activation", "relu"),
                    Map.of("type", "dense", "units", 10, "activation", "softmax"));

    @TempDir Path dir;

    @Test
    void should_give_a_named_activation_equal_to_what_a_truncated_model_computes() {
        // given: LeNet-5 with random weights, and the same first five layers as a model of its own
        CliModelStore store = store();
        Map<String, NdArray> weights = randomWeights(config(LENET5));
        store.create(dir.resolve("full"), config(LENET5), weights, Map.of());
        store.create(dir.resolve("upto_flatten"), config(LENET5.subList(0, 5)), weights, Map.of());
        float[] images = randomImages(3);
        // when
        Map<String, NdArray> act;
        List<String> names;
        Map<String, NdArray> stored;
        try (LoadedModel full = store.open(dir.resolve("full"))) {
            act = full.activations(images, 3, List.of("flatten_1", "conv2d_1"));
            names = full.layerNames();
            stored = full.weights();
        }
        float[] truncated;
        try (LoadedModel upTo = store.open(dir.resolve("upto_flatten"))) {
            truncated = upTo.predict(images, 3);
        }
        // then
        assertThat(names)
                .containsExactly(
                        "conv2d_1",
                        "max_pool_1",
                        "conv2d_2",
                        "max_pool_2",
                        "flatten_1",
                        "dense_1",
                        "dense_2",
                        "dense_3");
        assertThat(act.get("flatten_1").shape()).containsExactly(3, 400);
        assertThat(act.get("conv2d_1").shape()).containsExactly(3, 28, 28, 6);
        assertThat(act.get("flatten_1").floats()).isEqualTo(truncated);
        assertThat(max(truncated)).isPositive();
        assertThat(stored).isEqualTo(weights);
    }

    @Test
    void should_open_a_model_in_the_callers_graph_with_gradients_to_the_pixels() {
        // given
        CliModelStore store = store();
        store.create(dir.resolve("full"), config(LENET5), randomWeights(config(LENET5)), Map.of());
        float[] images = randomImages(1);
        float[] predicted;
        try (LoadedModel full = store.open(dir.resolve("full"))) {
            predicted = full.predict(images, 1);
        }
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Ops tf = g.tf();
            WeightVariable<TFloat32> image =
                    g.variable(
                            "image",
                            tf.constant(
                                    org.tensorflow.ndarray.Shape.of(1, 28, 28, 1),
                                    org.tensorflow.ndarray.buffer.DataBuffers.of(
                                            images, true, false)),
                            true);
            // when
            GraphModel vgg = store.openInGraph(dir.resolve("full"), g, image.read());
            var features = vgg.layerOutputs().get("conv2d_2");
            var grads =
                    tf.gradients(
                            tf.sum(features, tf.constant(new int[] {0, 1, 2, 3})),
                            List.of(image.variable()));
            float[] out;
            float[] pixelGrads;
            try (Result r = g.session().runner().fetch(vgg.output()).fetch(grads.dy(0)).run()) {
                out = Tensors.toFloats(r.get(0));
                pixelGrads = Tensors.toFloats(r.get(1));
            }
            // then
            assertThat(out).containsExactly(predicted, within(1e-6f));
            assertThat(pixelGrads).hasSize(28 * 28);
            assertThat(max(pixelGrads)).isPositive();
            assertThat(vgg.variables())
                    .extracting(WeightVariable::name)
                    .contains("conv2d_1_kernel", "dense_3_bias");
        }
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float f : v) m = Math.max(m, Math.abs(f));
        return m;
    }

    private CliModelStore store() {
        return new CliModelStore(new FakeCommandContext(), OptimizerRegistry.of(List.of(new Gd())));
    }

    private static Map<String, Object> config(List<Map<String, Object>> layers) {
        return Map.of("input_shape", List.of(28, 28, 1), "layers", layers);
    }

    private static Map<String, NdArray> randomWeights(Map<String, Object> config) {
        Random random = new Random(5);
        Map<String, NdArray> w = new LinkedHashMap<>();
        Sequential model = Sequential.fromConfig(config);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            model.forward(g, g.tf().placeholder(TFloat32.class), g.tf().constant(false));
            for (WeightVariable<TFloat32> v : model.variables()) {
                long[] shape = v.variable().shape().asArray();
                long n = 1;
                for (long d : shape) n *= d;
                float[] f = new float[(int) n];
                for (int i = 0; i < f.length; i++) f[i] = (float) (random.nextGaussian() * 0.2);
                w.put(v.name(), NdArray.of(f, shape));
            }
        }
        return w;
    }

    private static float[] randomImages(int rows) {
        Random random = new Random(9);
        float[] x = new float[rows * 28 * 28];
        for (int i = 0; i < x.length; i++) x[i] = random.nextFloat();
        return x;
    }

    /** Plain gradient descent, as the optimizers plugin's gd (no slots). */
    static final class Gd implements OptimizerProvider {
        @Override
        public String name() {
            return "gd";
        }

        @Override
        public String description() {
            return "W := W - alpha dW";
        }

        @Override
        public Optimizer create(Map<String, Object> config) {
            return new Optimizer() {
                @Override
                public String name() {
                    return "gd";
                }

                @Override
                public Map<String, Object> config() {
                    return Map.of();
                }

                @Override
                public org.tensorflow.op.Op applyGradients(
                        GraphContext graph,
                        List<WeightVariable<TFloat32>> vars,
                        List<org.tensorflow.Operand<TFloat32>> grads,
                        org.tensorflow.Operand<TFloat32> lr) {
                    Ops tf = graph.tf();
                    List<org.tensorflow.op.Op> ups = new ArrayList<>();
                    for (int i = 0; i < vars.size(); i++)
                        ups.add(
                                tf.assignSub(
                                        vars.get(i).variable(), tf.math.mul(lr, grads.get(i))));
                    return tf.withControlDependencies(ups).noOp();
                }
            };
        }
    }
}
