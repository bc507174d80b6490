package io.dlkit.plugins.detector.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainState;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The convolutional sliding window scores every window exactly as the classifier scores that window
 * cut out: a 16 x 16 classifier (conv, max-pool 2, dense) over a 24 x 24 image gives a 5 x 5 grid
 * at stride 2, and each cell's best object probability equals the classifier's on the crop.
 */
class SlidingWindowDetectorTest {
    @TempDir Path dir;

    @Test
    void should_score_each_window_as_the_classifier_scores_its_crop() throws Exception {
        // given: a classifier folder with random weights
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("input_shape", List.of(16, 16, 3));
        config.put(
                "layers",
                List.of(
                        Map.of(
                                "type",
                                "conv2d",
                                "filters",
                                4,
                                "kernel_size",
                                3,
                                "padding",
                                "valid",
                                "activation",
                                "relu"),
                        Map.of("type", "max_pool", "pool_size", 2),
                        Map.of("type", "flatten"),
                        Map.of("type", "dense", "units", 3, "activation", "softmax")));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 5)) {
            Sequential m = Sequential.fromConfig(config);
            m.forward(
                    g,
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 16, 16, 3))),
                    g.tf().constant(false));
            g.session().runner().fetch(m.variables().get(0).read()).run().close();
            new Checkpoints(dir).save(g.session(), TrainState.initial());
        }
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("format", "dlkit-model/1");
        yaml.put("model", config);
        yaml.put("class_names", List.of("a", "background", "b"));
        Files.writeString(dir.resolve("model.yaml"), YoloModelDir.yaml(yaml));
        ClassifierModel classifier = ClassifierModel.read(dir);
        float[] px = new float[24 * 24 * 3];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < px.length; i++) px[i] = (float) r.nextDouble();
        Image image = new Image(px, 24, 24, 3);
        // when
        List<Detection> found;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            found =
                    new SlidingWindowDetector(g, classifier, new int[] {16})
                            .detect(image, new NmsOptions(0f, 1f, 1000, true));
        }
        // then
        assertThat(found).hasSize(25);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            ClassifierModel.Built net = classifier.build(g);
            for (Detection d : found) {
                int x = Math.round(d.box().x1());
                int y = Math.round(d.box().y1());
                assertThat(x % 2).isZero();
                assertThat(d.box().width()).isEqualTo(16f);
                float[] crop = new float[16 * 16 * 3];
                for (int row = 0; row < 16; row++)
                    System.arraycopy(px, ((y + row) * 24 + x) * 3, crop, row * 48, 48);
                try (TFloat32 t = Tensors.floats(crop, 1, 16, 16, 3);
                        Result res =
                                g.session()
                                        .runner()
                                        .feed(net.input(), t)
                                        .fetch(net.output())
                                        .run()) {
                    float[] p = Tensors.toFloats(res.get(0));
                    int cls = p[0] >= p[2] ? 0 : 1;
                    assertThat(d.classId()).isEqualTo(cls);
                    assertThat((double) d.score()).isCloseTo(Math.max(p[0], p[2]), within(1e-5));
                }
            }
        }
    }
}
