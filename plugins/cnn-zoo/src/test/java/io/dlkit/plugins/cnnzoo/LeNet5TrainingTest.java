package io.dlkit.plugins.cnnzoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import io.dlkit.testkit.TestOptimizers;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The zoo's LeNet-5 is a model the backend trains: its loss falls on data it can memorise. */
class LeNet5TrainingTest {
    private static final int M = 32;

    @Test
    void should_lower_the_loss_of_lenet5_in_a_few_gradient_descent_steps() {
        // given: 32 random 28x28x1 images with random labels of 10 classes, one full batch
        Random random = new Random(7);
        float[] x = new float[M * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        int[] y = random.ints(M, 0, 10).toArray();
        Dataset data = Dataset.ofClasses(x, y, 10, 28, 28, 1);
        ZooArchitectures zoo = new ZooArchitectures();
        Sequential model = zoo.build("lenet5", zoo.defaultSpec("lenet5"));
        // when: 8 steps of W := W - 0.05 dW; epoch e reports the loss before its step
        List<EpochMetrics> history;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g, model, TestOptimizers.gradientDescent(), TrainingSpec.defaults());
            TrainOptions options =
                    new TrainOptions(8, M, new ConstantSchedule(0.05), 3, 0, null, 1);
            history =
                    new Trainer(graph, options, null, null)
                            .fit(data, null, TrainState.initial())
                            .history();
        }
        // then: it starts near ln 10 (an untrained softmax guesses) and ends lower
        double first = history.get(0).loss();
        double last = history.get(history.size() - 1).loss();
        assertThat(first).isBetween(1.5, 4.0);
        assertThat(last).isLessThan(first * 0.9);
    }
}
