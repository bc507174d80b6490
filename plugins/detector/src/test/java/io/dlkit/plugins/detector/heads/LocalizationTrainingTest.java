package io.dlkit.plugins.detector.heads;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.backend.train.schedule.Schedules;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.synthetic.ShapeOptions;
import io.dlkit.plugins.detector.synthetic.ShapesGenerator;
import io.dlkit.plugins.detector.synthetic.SyntheticImage;
import io.dlkit.testkit.TestOptimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;

class LocalizationTrainingTest {
    static final int SIZE = 32;
    static final int CLASSES = ShapesGenerator.CLASSES.size();
    static final LocalizationTargets TARGETS = new LocalizationTargets(CLASSES);

    @Test
    void should_learn_to_localize_the_one_shape_of_generated_images() {
        // given: 32x32 images with zero or one shape (8 to 16 px; half hold none, p_c = 0) and a
        // small conv net whose last layer gives [p_c, b_x, b_y, b_h, b_w, c_1..c_3]
        long seed = Long.getLong("dlkit.heads.seed", 1);
        ShapesGenerator gen = new ShapesGenerator(seed, new ShapeOptions(SIZE, 0, 1, 8, 16));
        List<SyntheticImage> train = images(gen, 0, Integer.getInteger("dlkit.heads.n", 2048));
        List<SyntheticImage> test = images(gen, 10_000, 96);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 2, seed)) {
            TrainingGraph tg =
                    TrainingGraph.build(
                            g,
                            Sequential.fromConfig(model()),
                            TestOptimizers.rmsProp("adam"),
                            new TrainingSpec(new LocalizationObjective(), 0, 0, 10));
            double iouBefore = meanIou(tg, test);
            // when
            TrainState s =
                    new Trainer(tg, options(seed), null, null)
                            .fit(source(train, true), null, TrainState.initial());
            // then
            double iouAfter = meanIou(tg, test);
            double first = s.history().get(0).loss();
            double last = s.history().get(s.history().size() - 1).loss();
            System.out.printf(
                    "localization seed %d: loss %.4f -> %.4f, test IoU %.3f -> %.3f%n",
                    seed, first, last, iouBefore, iouAfter);
            // seeds 1, 2, 3 gave test IoU 0.759, 0.728, 0.719 (from 0.000-0.003) and loss
            // 0.46-0.54 -> 0.0054-0.0060: the bounds leave a margin below the spread
            assertThat(last).isLessThan(first / 20);
            assertThat(iouAfter).isGreaterThan(0.6);
        }
    }

    private static List<SyntheticImage> images(ShapesGenerator gen, int from, int count) {
        List<SyntheticImage> list = new ArrayList<>();
        for (int i = 0; i < count; i++) list.add(gen.generate(from + i));
        return list;
    }

    private static LocalizationBatchSource source(List<SyntheticImage> images, boolean shuffle) {
        List<List<LabeledBox>> labels = images.stream().map(SyntheticImage::objects).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) names.add("image " + i);
        return new LocalizationBatchSource(
                i -> images.get(i).image().data(), labels, names, TARGETS, SIZE, 32, shuffle);
    }

    private static TrainOptions options(long seed) {
        return new TrainOptions(
                Integer.getInteger("dlkit.heads.epochs", 30),
                32,
                Schedules.parse("constant", 0.003),
                seed,
                0,
                null,
                1);
    }

    /** Mean IoU of predicted and true boxes over the test images that hold a shape. */
    private static double meanIou(TrainingGraph tg, List<SyntheticImage> test) {
        float[] x = new float[test.size() * SIZE * SIZE * 3];
        for (int i = 0; i < test.size(); i++)
            System.arraycopy(
                    test.get(i).image().data(), 0, x, i * SIZE * SIZE * 3, SIZE * SIZE * 3);
        float[] out;
        try (var t = Tensors.floats(x, test.size(), SIZE, SIZE, 3);
                Result r = tg.graph().session().runner().feed(tg.x, t).fetch(tg.output).run()) {
            out = Tensors.toFloats(r.get(0));
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.get(i).objects().isEmpty()) continue;
            sum += TARGETS.decode(out, i).box().iou(test.get(i).objects().get(0).box());
            n++;
        }
        return sum / n;
    }

    private static Map<String, Object> model() {
        return Map.of(
                "input_shape",
                List.of(SIZE, SIZE, 3),
                "layers",
                List.of(
                        conv(8),
                        Map.of("type", "max_pool", "pool_size", 2),
                        conv(16),
                        Map.of("type", "max_pool", "pool_size", 2),
                        conv(32),
                        Map.of("type", "max_pool", "pool_size", 2),
                        Map.of("type", "flatten"),
                        Map.of("type", "dense", "units", 64, "activation", "relu"),
                        Map.of("type", "dense", "units", 5 + CLASSES)));
    }

    private static Map<String, Object> conv(int filters) {
        return Map.of(
                "type",
                "conv2d",
                "filters",
                filters,
                "kernel_size",
                3,
                "padding",
                "same",
                "activation",
                "relu");
    }
}
