package io.dlkit.plugins.detector.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class YoloTargetsTest {
    // a 2x2 grid, anchors 1 x 1 and 2 x 0.5 cells, 2 classes: 7 values per anchor
    private static final float[] ANCHORS = {1f, 1f, 2f, 0.5f};
    private static final YoloTargets TARGETS = new YoloTargets(2, 2, ANCHORS, 2);

    @Test
    void should_assign_a_box_to_the_cell_of_its_centre_and_the_anchor_of_best_iou() {
        // box centre (0.75, 0.25), 0.6 x 0.25: in grid units centre (1.5, 0.5) -> column 1,
        // row 0, offsets (0.5, 0.5); size 1.2 x 0.5 cells.
        // IoU with 1 x 1: 0.5 / (0.6 + 1 - 0.5) = 0.4545; with 2 x 0.5: 0.6 / (0.6 + 1 - 0.6)
        // = 0.6 -> anchor 1; t_w = ln(1.2 / 2) = ln 0.6, t_h = ln(0.5 / 0.5) = 0.
        // slot ((row 0 * 2 + column 1) * 2 anchors + anchor 1) = 3, values from 3 * 7 = 21
        float[] target = new float[TARGETS.targetSize()];
        float[] mask = new float[TARGETS.maskSize()];
        LabeledBox box = new LabeledBox(1, BoundingBox.fromCenter(0.75f, 0.25f, 0.6f, 0.25f));

        int collisions = TARGETS.encodeInto(List.of(box), target, mask, 0);

        assertThat(collisions).isZero();
        assertThat(mask).containsExactly(0, 0, 0, 1, 0, 0, 0, 0);
        float[] slot = Arrays.copyOfRange(target, 21, 28);
        assertThat(slot[0]).isCloseTo(0.5f, within(1e-6f));
        assertThat(slot[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(slot[2]).isCloseTo((float) Math.log(0.6), within(1e-6f));
        assertThat(slot[3]).isCloseTo(0f, within(1e-6f));
        assertThat(slot[4]).isEqualTo(1f);
        assertThat(slot[5]).isZero();
        assertThat(slot[6]).isEqualTo(1f);
        double sum = 0;
        for (float v : target) {
            sum += Math.abs(v);
        }
        assertThat(sum).isCloseTo(0.5 + 0.5 + Math.abs(Math.log(0.6)) + 1 + 1, within(1e-5));
    }

    @Test
    void should_decode_back_to_the_labels() {
        // given: targets turned into the output a perfect network would give
        // (t_x = logit(offset), t_o and the class logit large)
        YoloTargets targets = new YoloTargets(13, 13, new float[] {1f, 1f, 3f, 2f, 6f, 8f}, 3);
        List<LabeledBox> labels =
                List.of(
                        new LabeledBox(0, new BoundingBox(0.1f, 0.1f, 0.2f, 0.25f)),
                        new LabeledBox(2, new BoundingBox(0.4f, 0.3f, 0.9f, 0.95f)),
                        new LabeledBox(1, new BoundingBox(0.6f, 0.05f, 0.75f, 0.15f)));
        float[] t = new float[targets.targetSize()];
        float[] mask = new float[targets.maskSize()];
        targets.encodeInto(labels, t, mask, 0);
        float[] out = new float[t.length];
        for (int s = 0; s < mask.length; s++) {
            int at = s * 8;
            out[at + 4] = mask[s] > 0 ? 20f : -20f;
            if (mask[s] > 0) {
                out[at] = logit(t[at]);
                out[at + 1] = logit(t[at + 1]);
                out[at + 2] = t[at + 2];
                out[at + 3] = t[at + 3];
                for (int c = 0; c < 3; c++) {
                    out[at + 5 + c] = t[at + 5 + c] * 20f;
                }
            }
        }

        // when
        List<Detection> dets =
                new YoloDecoder(13, 13, new float[] {1f, 1f, 3f, 2f, 6f, 8f}, 3).decode(out, 0.5f);

        // then
        assertThat(dets).hasSize(3);
        for (LabeledBox l : labels) {
            Detection d =
                    dets.stream().filter(x -> x.classId() == l.classId()).findFirst().orElseThrow();
            assertThat(d.box().iou(l.box())).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void should_count_a_collision_and_keep_the_later_box() {
        float[] target = new float[TARGETS.targetSize()];
        float[] mask = new float[TARGETS.maskSize()];
        LabeledBox first = new LabeledBox(0, BoundingBox.fromCenter(0.2f, 0.2f, 0.4f, 0.4f));
        LabeledBox second = new LabeledBox(1, BoundingBox.fromCenter(0.3f, 0.3f, 0.45f, 0.45f));

        assertThat(TARGETS.encodeInto(List.of(first, second), target, mask, 0)).isEqualTo(1);
        // both in cell (0, 0), anchor 0: slot 0 holds the second box (class 1)
        assertThat(target[5]).isZero();
        assertThat(target[6]).isEqualTo(1f);
        assertThat(target[0]).isCloseTo(0.6f, within(1e-6f));
    }

    @Test
    void should_write_each_image_of_a_batch_in_its_own_place_and_clear_it() {
        float[] target = new float[2 * TARGETS.targetSize()];
        float[] mask = new float[2 * TARGETS.maskSize()];
        Arrays.fill(target, 9f);
        LabeledBox box = new LabeledBox(0, BoundingBox.fromCenter(0.75f, 0.75f, 0.5f, 0.5f));

        TARGETS.encodeInto(List.of(), target, mask, 0);
        TARGETS.encodeInto(List.of(box), target, mask, 1);

        for (int i = 0; i < TARGETS.targetSize(); i++) {
            assertThat(target[i]).isZero();
        }
        // image 1, cell (row 1, column 1), anchor 0 (1 x 1 equals the box): mask slot 8 + 6
        assertThat(mask[8 + 6]).isEqualTo(1f);
        assertThatThrownBy(
                        () ->
                                TARGETS.encodeInto(
                                        List.of(new LabeledBox(2, box.box())), target, mask, 0))
                .hasMessage("class 2 is outside the model's 2 classes");
    }

    private static float logit(float p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return (float) Math.log(q / (1 - q));
    }
}
