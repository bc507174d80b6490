package io.dlkit.plugins.detector.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.YoloLabels;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapesGeneratorTest {
    private static final ShapesGenerator GEN = new ShapesGenerator(42, ShapeOptions.DEFAULTS);

    @TempDir Path dir;

    @Test
    void should_make_the_same_image_for_the_same_seed_and_index() {
        SyntheticImage a = GEN.generate(3);
        SyntheticImage b = new ShapesGenerator(42, ShapeOptions.DEFAULTS).generate(3);
        assertThat(a.image().data()).containsExactly(b.image().data());
        assertThat(a.objects()).isEqualTo(b.objects());
        assertThat(new ShapesGenerator(43, ShapeOptions.DEFAULTS).generate(3).image().data())
                .isNotEqualTo(a.image().data());
    }

    @Test
    void should_draw_every_class_and_keep_to_the_object_counts() {
        Set<Integer> classes = new TreeSet<>();
        for (int i = 0; i < 40; i++) {
            List<LabeledBox> objects = GEN.generate(i).objects();
            assertThat(objects).hasSizeBetween(1, 4);
            objects.forEach(o -> classes.add(o.classId()));
        }
        assertThat(classes).containsExactly(0, 1, 2);
    }

    @Test
    void should_label_each_shape_with_the_box_of_its_pixels() {
        // a pixel belongs to a shape when some channel is 0.12 above the background's; the
        // background varies by at most 2 x 0.03 of noise and shapes are >= 0.25 brighter
        for (int i = 0; i < 20; i++) {
            SyntheticImage s = GEN.generate(i);
            for (LabeledBox o : s.objects()) {
                BoundingBox px = o.box().scale(128, 128);
                int[] tight = tightBox(s.image(), px);
                assertThat(tight[0]).isEqualTo(Math.round(px.x1()));
                assertThat(tight[2]).isEqualTo(Math.round(px.x2()) - 1);
                assertThat(tight[3]).isEqualTo(Math.round(px.y2()) - 1);
                // a triangle's apex row may miss every pixel centre: 1 pixel of slack at the top
                assertThat(tight[1]).isBetween(Math.round(px.y1()), Math.round(px.y1()) + 1);
            }
        }
    }

    @Test
    void should_write_png_images_and_yolo_labels_that_read_back() throws Exception {
        LabelSet written = GEN.write(dir, 3);

        LabelSet read = YoloLabels.readFolder(dir.resolve("labels"), List.of());

        assertThat(read.classNames()).containsExactly("circle", "square", "triangle");
        assertThat(read.images()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            List<LabeledBox> a = written.images().get(i).objects();
            List<LabeledBox> b = read.images().get(i).objects();
            assertThat(b).hasSameSizeAs(a);
            for (int k = 0; k < a.size(); k++) {
                assertThat(b.get(k).classId()).isEqualTo(a.get(k).classId());
                assertThat(b.get(k).box().iou(a.get(k).box())).isGreaterThan(0.9999);
            }
            Image png = Images.read(dir.resolve("images/shape_0000" + i + ".png"), 3);
            assertThat(png.width()).isEqualTo(128);
            // 8-bit PNG: within half a step of the generated floats
            float[] want = GEN.generate(i).image().data();
            float[] got = png.data();
            for (int p = 0; p < want.length; p += 97) {
                assertThat(Math.abs(got[p] - want[p])).isLessThanOrEqualTo(0.5f / 255 + 1e-6f);
            }
        }
    }

    /** {x1, y1, x2, y2} inclusive of the shape pixels inside (and one pixel around) the box. */
    private static int[] tightBox(Image img, BoundingBox px) {
        int x0 = Math.max(0, Math.round(px.x1()) - 1);
        int y0 = Math.max(0, Math.round(px.y1()) - 1);
        int x1 = Math.min(img.width() - 1, Math.round(px.x2()));
        int y1 = Math.min(img.height() - 1, Math.round(px.y2()));
        float[] bg = {img.get(y0, x0, 0), img.get(y0, x0, 1), img.get(y0, x0, 2)};
        int[] t = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                boolean shape = false;
                for (int c = 0; c < 3; c++) {
                    shape |= img.get(y, x, c) - bg[c] > 0.12f;
                }
                if (shape) {
                    t[0] = Math.min(t[0], x);
                    t[1] = Math.min(t[1], y);
                    t[2] = Math.max(t[2], x);
                    t[3] = Math.max(t[3], y);
                }
            }
        }
        return t;
    }
}
