package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.DropoutLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScratchRaceTest {
    static Dataset data() {
        Random random = new Random(1);
        int m = 11;
        float[] x = new float[m * 3];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = random.nextInt(3);
            for (int j = 0; j < 3; j++) x[i * 3 + j] = (float) random.nextGaussian();
        }
        return Dataset.ofClasses(x, y, 3, 3);
    }

    static Map<String, String> run(String variant) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            var b = Sequential.builder().input(3);
            if (variant.contains("bn")) b.add(DenseLayer.builder().setUnits(6).optName("hidden").optActivation("relu").optBatchNorm(true).build());
            else b.add(DenseLayer.builder().setUnits(6).optName("hidden").optActivation("relu").build());
            if (variant.contains("drop")) b.add(new DropoutLayer("drop", 0.6));
            b.add(DenseLayer.builder().setUnits(3).optName("out").optActivation("softmax").build());
            Optimizer opt = variant.contains("mom") ? new TestOptimizers.Momentum(0.9) : new TestOptimizers.GradientDescent();
            TrainingGraph graph = TrainingGraph.build(g, b.build(), opt, TrainingSpec.defaults());
            new Trainer(graph, new TrainOptions(20, 4, new ConstantSchedule(0.05), 7, 0, null, 1), null, null)
                    .fit(data(), null, TrainState.initial());
            return GraphValues.snapshot(g);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gd", "mom", "bn gd", "drop gd", "bn drop mom"})
    void repeat(String variant) {
        Map<String, String> first = run(variant);
        int diff = 0;
        for (int i = 0; i < 10; i++) if (!run(variant).equals(first)) diff++;
        System.out.println("VARIANT " + variant + " differing runs: " + diff + "/10");
    }
}
