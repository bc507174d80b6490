package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A two-input, two-output functional model trained by the core Trainer on two weighted losses. */
class FunctionalTrainingTest {
    private static final int N = 120;
    private static final long SEED = 5;

    private static Map<String, Object> layer(String name, String type, List<String> in) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.put("inputs", in);
        return m;
    }

    private static Map<String, Object> dense(String name, int units, String act, String in) {
        Map<String, Object> m = layer(name, "dense", List.of(in));
        m.put("units", units);
        m.put("activation", act);
        return m;
    }

    private static FunctionalModel model() {
        return FunctionalModel.fromConfig(
                Map.of(
                        "inputs", Map.of("a", List.of(2), "b", List.of(2)),
                        "layers",
                                List.of(
                                        layer("both", "concat", List.of("a", "b")),
                                        dense("h", 16, "tanh", "both"),
                                        dense("cls", 3, "softmax", "h"),
                                        dense("reg", 1, "linear", "h")),
                        "outputs", List.of("cls", "reg")));
    }

    /** cls = [a0 > 0] + [b0 > 0] in {0, 1, 2}; reg = a1 - b1. */
    private static Map<String, NdArray> data() {
        Random r = new Random(1);
        float[] a = new float[2 * N];
        float[] b = new float[2 * N];
        int[] cls = new int[N];
        float[] reg = new float[N];
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < 2; k++) {
                a[2 * i + k] = (float) r.nextGaussian();
                b[2 * i + k] = (float) r.nextGaussian();
            }
            cls[i] = (a[2 * i] > 0 ? 1 : 0) + (b[2 * i] > 0 ? 1 : 0);
            reg[i] = a[2 * i + 1] - b[2 * i + 1];
        }
        return Map.of(
                "a", NdArray.of(a, N, 2),
                "b", NdArray.of(b, N, 2),
                "cls", NdArray.of(cls, N),
                "reg", NdArray.of(reg, N, 1));
    }

    /** Batches in order (no shuffle): rows [batch * size, ...) of each array. */
    private static BatchSource source(Map<String, NdArray> all, int size) {
        return new BatchSource() {
            @Override
            public int size() {
                return N;
            }

            @Override
            public int batchSize() {
                return size;
            }

            @Override
            public List<String> names() {
                return List.copyOf(all.keySet());
            }

            @Override
            public Map<String, NdArray> batch(long seed, int epoch, int batch) {
                int from = batch * size;
                int to = Math.min(N, from + size);
                Map<String, NdArray> m = new LinkedHashMap<>();
                all.forEach((k, v) -> m.put(k, rows(v, from, to)));
                return m;
            }
        };
    }

    private static NdArray rows(NdArray v, int from, int to) {
        long[] shape = v.shape().clone();
        int width = (int) (v.size() / shape[0]);
        shape[0] = to - from;
        return switch (v.dtype()) {
            case INT32 -> NdArray.of(Arrays.copyOfRange(v.ints(), from * width, to * width), shape);
            default -> NdArray.of(Arrays.copyOfRange(v.floats(), from * width, to * width), shape);
        };
    }

    @Test
    void should_lower_both_weighted_losses_of_a_two_output_model() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            // given: total = 1.0 crossentropy(cls) + 0.5 mse(reg)
            Map<String, OutputLoss> losses = new LinkedHashMap<>();
            losses.put("cls", new OutputLoss(LossKind.CATEGORICAL_CROSSENTROPY, 1.0));
            losses.put("reg", new OutputLoss(LossKind.MSE, 0.5));
            TrainingGraph tg =
                    TrainingGraph.buildFunctional(
                            g,
                            model(),
                            losses,
                            new TestOptimizers.GradientDescent(),
                            TrainingSpec.defaults());
            TrainOptions o = new TrainOptions(40, 20, new ConstantSchedule(0.3), SEED, 0, null, 1);
            // when
            TrainState end =
                    new Trainer(tg, o, null, null)
                            .fit(source(data(), 20), null, TrainState.initial());
            // then: the total is the weighted sum of the per-output losses, and both fall
            EpochMetrics first = end.history().get(0);
            EpochMetrics last = end.history().get(end.history().size() - 1);
            assertThat(last.loss())
                    .isCloseTo(
                            last.metric("cls_loss") + 0.5 * last.metric("reg_loss"),
                            org.assertj.core.api.Assertions.within(1e-4));
            assertThat(last.metric("cls_loss")).isLessThan(0.6 * first.metric("cls_loss"));
            assertThat(last.metric("reg_loss")).isLessThan(0.3 * first.metric("reg_loss"));
        }
    }

    @Test
    void should_refuse_a_loss_for_something_not_an_output() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            assertThatThrownBy(
                            () ->
                                    TrainingGraph.buildFunctional(
                                            g,
                                            model(),
                                            Map.of("clss", new OutputLoss(LossKind.MSE, 1)),
                                            new TestOptimizers.GradientDescent(),
                                            TrainingSpec.defaults()))
                    .hasMessage(
                            "losses.clss: not an output (did you mean cls?); outputs: cls, reg");
        }
    }
}
