package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.data.BatchSources;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Training from a {@link BatchSource} of named arrays is training from the data set: the same
 * batches, so the same losses bit for bit, with or without a prefetch thread, resumed or not.
 */
class BatchSourceTrainingTest {
    private static final long SEED = 9;

    @Test
    void should_train_from_a_batch_source_exactly_as_from_the_data_set() {
        Dataset data = blobs();
        List<Double> fromDataset = losses(data, (t, g) -> t.fit(data, null, TrainState.initial()));
        List<Double> fromSource =
                losses(
                        data,
                        (t, g) -> t.fit(BatchSources.of(data, 16), null, TrainState.initial()));
        List<Double> prefetched;
        try (BatchSources.Prefetching p = BatchSources.prefetching(BatchSources.of(data, 16), 3)) {
            prefetched = losses(data, (t, g) -> t.fit(p, null, TrainState.initial()));
        }
        assertThat(fromSource).hasSize(3).isEqualTo(fromDataset);
        assertThat(prefetched).isEqualTo(fromDataset);
    }

    @Test
    void should_give_the_same_batch_when_asked_out_of_order_from_a_prefetching_source() {
        BatchSource direct = BatchSources.of(blobs(), 16);
        try (BatchSources.Prefetching p = BatchSources.prefetching(direct, 2)) {
            p.batch(SEED, 0, 0);
            p.batch(SEED, 0, 1);
            // a resume at epoch 2, batch 3: the queue holds epoch 0's batches 2 and 3
            Map<String, NdArray> resumed = p.batch(SEED, 2, 3);
            assertThat(resumed).isEqualTo(direct.batch(SEED, 2, 3));
            assertThat(p.batch(SEED, 2, 4)).isEqualTo(direct.batch(SEED, 2, 4));
            // the wrap-around from the last batch of an epoch to batch 0 of the next
            assertThat(p.batch(SEED, 2, 6)).isEqualTo(direct.batch(SEED, 2, 6));
            assertThat(p.batch(SEED, 3, 0)).isEqualTo(direct.batch(SEED, 3, 0));
            assertThat(direct.batch(SEED, 3, 0)).isNotEqualTo(direct.batch(SEED, 2, 0));
        }
    }

    private static List<Double> losses(
            Dataset data, BiFunction<Trainer, GraphContext, TrainState> fit) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            Sequential model =
                    Sequential.builder()
                            .input(2)
                            .add(new DenseLayer(4, "tanh"))
                            .add(new DenseLayer(2, "softmax"))
                            .build();
            TrainingGraph tg =
                    TrainingGraph.build(
                            g,
                            model,
                            new TestOptimizers.GradientDescent(),
                            TrainingSpec.defaults());
            TrainOptions o = new TrainOptions(3, 16, new ConstantSchedule(0.5), SEED, 0, null, 1);
            TrainState end = fit.apply(new Trainer(tg, o, null, null), g);
            List<Double> out = new ArrayList<>();
            for (EpochMetrics m : end.history()) out.add(m.loss());
            return out;
        }
    }

    /** 100 points in two classes around (1, 1) and (-1, -1). */
    private static Dataset blobs() {
        Random r = new Random(3);
        float[] x = new float[200];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i % 2;
            float c = y[i] == 0 ? 1 : -1;
            x[2 * i] = c + (float) r.nextGaussian() * 0.8f;
            x[2 * i + 1] = c + (float) r.nextGaussian() * 0.8f;
        }
        return Dataset.ofClasses(x, y, 2, 2);
    }
}
