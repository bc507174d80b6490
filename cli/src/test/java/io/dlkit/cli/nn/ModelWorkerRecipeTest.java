package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker's recipe travels as Java serialization (as Spark ships it) and builds, in whatever JVM,
 * a graph with the driver's variables: the same names and shapes in the same order.
 */
class ModelWorkerRecipeTest {
    private static final OptimizerRegistry GD =
            OptimizerRegistry.of(List.of(new ModelFeaturesTest.Gd()));

    @Test
    void should_build_the_drivers_variables_from_a_shipped_functional_recipe() throws Exception {
        // given a functional model with two inputs and two outputs, as model.yaml records it
        Map<String, Object> config =
                Yaml.parse(
                        """
                        inputs: {a: [2], b: [2]}
                        layers:
                          - {name: both, type: concat, inputs: [a, b]}
                          - {name: h, type: dense, units: 16, activation: tanh, inputs: [both]}
                          - {name: cls, type: dense, units: 3, activation: softmax, inputs: [h]}
                          - {name: reg, type: dense, units: 1, activation: linear, inputs: [h]}
                        outputs: [cls, reg]
                        """);
        FunctionalModel model = ModelBuild.functional(config, "m.yaml");
        Map<String, OutputLoss> losses =
                FunctionalLosses.resolve(model, null, null, null, "m.yaml");
        Map<String, Object> recorded = new LinkedHashMap<>(model.config());
        recorded.put(FunctionalLosses.KEY, FunctionalLosses.toConfig(losses));

        // when the recipe is serialized, read back and built
        WorkerRecipe shipped =
                shipped(new ModelWorkerRecipe(recorded, null, request(), null, "cpu", 1, 3));
        List<String> worker;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            worker =
                    variables(
                            FunctionalTrained.graph(
                                    g,
                                    model,
                                    losses,
                                    GD.create("gd", Map.of()),
                                    request(),
                                    "m.yaml"));
        }
        TrainingGraph built = shipped.graph(GD);
        try {
            // then it has the driver's variables; no augmenter for named inputs
            assertThat(variables(built)).isEqualTo(worker).isNotEmpty();
            assertThat(shipped.augmenter()).isSameAs(BatchAugmenter.NONE);
            assertThat(shipped.schedule().rate(3, 100)).isEqualTo(0.05);
        } finally {
            built.graph().close();
        }
    }

    @Test
    void should_build_the_drivers_variables_from_a_shipped_sequential_recipe() throws Exception {
        // given an MLP, as model.yaml records it
        Sequential mlp =
                Sequential.fromConfig(
                        Yaml.parse(
                                """
                                        input_shape: [4]
                                        layers:
                                          - {type: dense, units: 8, activation: relu}
                                          - {type: dense, units: 3, activation: softmax}
                                        """));
        WorkerRecipe shipped =
                shipped(
                        new ModelWorkerRecipe(
                                mlp.config(), mlp.inputShape(), request(), null, "cpu", 1, 3));

        // when
        List<String> driver;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            driver = variables(ModelBuild.graph(g, mlp, GD.create("gd", Map.of()), request()));
        }
        TrainingGraph built = shipped.graph(GD);
        try {
            // then
            assertThat(variables(built)).isEqualTo(driver).isNotEmpty();
        } finally {
            built.graph().close();
        }
    }

    private static List<String> variables(TrainingGraph tg) {
        return tg.graph().variables().stream()
                .map(v -> v.name() + Arrays.toString(shape(v)))
                .toList();
    }

    private static long[] shape(WeightVariable<?> v) {
        return v.variable().shape().asArray();
    }

    private static WorkerRecipe shipped(WorkerRecipe r) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (WorkerRecipe) in.readObject();
        }
    }

    private static TrainRequest request() {
        return new TrainRequest(
                null,
                null,
                null,
                0,
                null,
                1,
                32,
                "gd",
                Map.of(),
                0.05,
                "constant",
                0,
                0,
                0,
                "auto",
                null,
                0,
                null,
                false,
                false,
                "none",
                "none",
                null);
    }
}
