package io.dlkit.plugins.detector.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.image.Image;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.synthetic.ShapeOptions;
import io.dlkit.plugins.detector.synthetic.ShapesGenerator;
import io.dlkit.plugins.detector.synthetic.SyntheticImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphSegmentationTest {
    @Test
    void should_find_the_regions_of_a_piecewise_constant_image() {
        // given: 40x30 grey background with a red 10x8 rectangle at (5, 4) and a blue 12x12
        // square at (22, 10), plus +-0.01 noise
        int w = 40;
        int h = 30;
        float[] px = new float[w * h * 3];
        Random r = new Random(1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] c = {0.5f, 0.5f, 0.5f};
                if (x >= 5 && x < 15 && y >= 4 && y < 12) {
                    c = new float[] {0.9f, 0.1f, 0.1f};
                } else if (x >= 22 && x < 34 && y >= 10 && y < 22) {
                    c = new float[] {0.1f, 0.1f, 0.9f};
                }
                for (int k = 0; k < 3; k++) {
                    px[(y * w + x) * 3 + k] = c[k] + 0.02f * (r.nextFloat() - 0.5f);
                }
            }
        }

        // when
        Segments s = new GraphSegmentation(0.5, 10).segment(new Image(px, h, w, 3));

        // then: three components: background, rectangle, square, with their exact boxes
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.boxes())
                .containsExactly(
                        new BoundingBox(0, 0, 40, 30),
                        new BoundingBox(5, 4, 15, 12),
                        new BoundingBox(22, 10, 34, 22));
        assertThat(s.sizes()).containsExactly(40 * 30 - 80 - 144, 80, 144);
    }

    @Test
    void should_propose_a_box_on_each_synthetic_shape() {
        // every labelled shape of a generated image has a segment box with IoU >= 0.7
        ShapesGenerator gen = new ShapesGenerator(5, ShapeOptions.DEFAULTS);
        GraphSegmentation seg = new GraphSegmentation(1.0, 20);
        for (int i = 0; i < 5; i++) {
            SyntheticImage img = gen.generate(i);
            List<BoundingBox> proposals = seg.segment(img.image()).boxes();
            for (LabeledBox o : img.objects()) {
                BoundingBox truth = o.box().scale(128, 128);
                double best = proposals.stream().mapToDouble(truth::iou).max().orElse(0);
                assertThat(best).as("image %d, %s", i, truth).isGreaterThanOrEqualTo(0.7);
            }
        }
    }

    @Test
    void should_reject_bad_settings() {
        assertThatThrownBy(() -> new GraphSegmentation(0, 10)).hasMessage("k must be > 0, got 0.0");
        assertThatThrownBy(() -> new GraphSegmentation(1, 0))
                .hasMessage("minSize must be >= 1, got 0");
    }
}
