package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.backend.nn.Layers;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.plugins.rnn.layers.RnnLayerTypes;
import io.dlkit.testkit.TestOptimizers;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statically unrolled training graph (forward, gradients, clipping, update) of a 2-layer
 * stateful LSTM language model grows linearly with T: at T = 100 it has about twice the ops of T =
 * 50. Prints the op count and build time (the issue asks to report them at T = 100, 2 layers).
 */
class GraphSizeTest {
    @Test
    void should_grow_linearly_with_the_unrolled_length() {
        long[] at50 = build(50);
        long[] at100 = build(100);
        System.out.printf(
                "rnn graph: T=50 %d ops %d ms; T=100 2 layers lstm 256: %d ops, built in %d ms%n",
                at50[0], at50[1], at100[0], at100[1]);
        double perStep = (at100[0] - at50[0]) / 50.0;
        assertThat((double) at100[0]).isCloseTo(at50[0] + 50 * perStep, within(1.0));
        assertThat(at100[0] - 100 * perStep).as("ops outside the steps").isLessThan(0.1 * at100[0]);
        assertThat(perStep).as("ops per unrolled step, 2 layers").isLessThan(400);
    }

    /** {ops, milliseconds} of a whole training graph at {@code steps}. */
    private static long[] build(int steps) {
        Map<String, Object> config =
                LanguageModels.charModel(
                        CharVocabulary.of("abcdefghijklmnopqrstuvwxyz .,\n"),
                        new LanguageModels.Shape(steps, 64, "lstm", 256, 2, 64, 100));
        for (LayerType t : new RnnLayerTypes().layerTypes()) {
            if (!Layers.all().containsKey(t.name())) Layers.register(t);
        }
        long t0 = System.nanoTime();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            Sequential model = Sequential.fromConfig(config);
            TrainingGraph.build(
                    g,
                    model,
                    TestOptimizers.gradientDescent(),
                    new TrainingSpec(new SequenceCrossEntropy(), 0, 0, 5));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long ops = 0;
            for (Iterator<?> it = g.graph().operations(); it.hasNext(); it.next()) ops++;
            return new long[] {ops, ms};
        }
    }
}
