package io.dlkit.plugins.detector.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.yolo.YoloTargets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class YoloBatchSourceTest {
    static final int SIZE = 32;
    static final float[] ANCHORS = {1, 1, 0.5f, 0.5f};

    /** Image i: black with a white square where its label says. */
    static float[] image(BoundingBox b) {
        float[] px = new float[SIZE * SIZE * 3];
        for (int y = (int) (b.y1() * SIZE); y < (int) (b.y2() * SIZE); y++)
            for (int x = (int) (b.x1() * SIZE); x < (int) (b.x2() * SIZE); x++)
                for (int c = 0; c < 3; c++) px[(y * SIZE + x) * 3 + c] = 1;
        return px;
    }

    static final List<BoundingBox> BOXES =
            List.of(
                    new BoundingBox(0.125f, 0.25f, 0.375f, 0.5f),
                    new BoundingBox(0.5f, 0.5f, 0.75f, 0.75f),
                    new BoundingBox(0.0f, 0.0f, 0.25f, 0.25f));

    private static YoloBatchSource source(Augmentation a) {
        return new YoloBatchSource(
                i -> image(BOXES.get(i)),
                BOXES.stream().map(b -> List.of(new LabeledBox(1, b))).toList(),
                SIZE,
                2,
                new YoloTargets(2, 2, ANCHORS, 2),
                a,
                true);
    }

    @Test
    void should_give_the_same_batch_for_the_same_seed_epoch_and_batch() {
        YoloBatchSource s = source(Augmentation.DEFAULT);
        Map<String, NdArray> a = s.batch(7, 3, 1);
        Map<String, NdArray> b = s.batch(7, 3, 1);
        Map<String, NdArray> other = s.batch(7, 4, 0);
        assertThat(a.get("x").floats()).isEqualTo(b.get("x").floats());
        assertThat(a.get("yolo_target").floats()).isEqualTo(b.get("yolo_target").floats());
        assertThat(other.get("x").floats()).isNotEqualTo(s.batch(7, 3, 0).get("x").floats());
        assertThat(s.batchCount()).isEqualTo(2);
        assertThat(a.get("x").shape()).containsExactly(1, SIZE, SIZE, 3);
        assertThat(a.get("yolo_target").shape()).containsExactly(1, 2, 2, 2, 7);
    }

    @Test
    void should_encode_unaugmented_boxes_as_the_targets_builder_does() {
        YoloBatchSource s = source(Augmentation.NONE);
        int[] order = s.order(1, 0);
        Map<String, NdArray> b = s.batch(1, 0, 0);
        float[] target = new float[2 * 2 * 2 * 2 * 7];
        float[] mask = new float[2 * 2 * 2 * 2];
        YoloTargets t = new YoloTargets(2, 2, ANCHORS, 2);
        for (int k = 0; k < 2; k++)
            t.encodeInto(List.of(new LabeledBox(1, BOXES.get(order[k]))), target, mask, k);
        assertThat(b.get("yolo_target").floats()).isEqualTo(target);
        assertThat(b.get("yolo_mask").floats()).isEqualTo(mask);
        assertThat(b.get("x").floats())
                .isEqualTo(concat(image(BOXES.get(order[0])), image(BOXES.get(order[1]))));
    }

    @Test
    void should_move_the_box_with_the_pixels_when_flipping_scaling_and_shifting() {
        // given: a square whose label is exact
        BoundingBox box = BOXES.get(0);
        Augmentation a = new Augmentation(0.2, true, 1);
        for (long seed = 0; seed < 20; seed++) {
            float[] out = new float[SIZE * SIZE * 3];
            // when
            List<LabeledBox> moved =
                    a.apply(
                            image(box),
                            SIZE,
                            List.of(new LabeledBox(1, box)),
                            new SplittableRandom(seed),
                            out,
                            0);
            // then: the white pixels' bounding box is the moved label (within a pixel)
            int x1 = SIZE, y1 = SIZE, x2 = -1, y2 = -1;
            for (int y = 0; y < SIZE; y++)
                for (int x = 0; x < SIZE; x++)
                    if (out[(y * SIZE + x) * 3] == 1f) {
                        x1 = Math.min(x1, x);
                        y1 = Math.min(y1, y);
                        x2 = Math.max(x2, x);
                        y2 = Math.max(y2, y);
                    }
            BoundingBox m = moved.get(0).box();
            assertThat((double) m.x1() * SIZE).isCloseTo(x1, within(1.01));
            assertThat((double) m.x2() * SIZE).isCloseTo(x2 + 1, within(1.01));
            assertThat((double) m.y1() * SIZE).isCloseTo(y1, within(1.01));
            assertThat((double) m.y2() * SIZE).isCloseTo(y2 + 1, within(1.01));
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = new float[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
