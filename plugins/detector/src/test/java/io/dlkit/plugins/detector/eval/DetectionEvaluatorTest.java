package io.dlkit.plugins.detector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.LabeledImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionEvaluatorTest {
    private static final List<String> NAMES = List.of("cat", "dog");

    @Test
    void should_compute_voc_and_coco_ap_of_a_hand_example() {
        // one image, 3 cats; detections by score: on cat 1 (TP), nowhere (FP), on cat 2 (TP),
        // a duplicate of cat 1 (FP: taken), nowhere (FP); the dog class has no ground truth
        LabelSet truth =
                set(image(1, gt(0, 0, 0, 10, 10), gt(0, 20, 20, 30, 30), gt(0, 40, 40, 50, 50)));
        List<Detection> dets =
                List.of(
                        det(0, 0, 0, 10, 10, 0.9f),
                        det(0, 60, 60, 70, 70, 0.8f),
                        det(0, 20, 20, 30, 30, 0.7f),
                        det(0, 0, 0, 10, 10, 0.6f),
                        det(0, 80, 80, 90, 90, 0.5f));

        Evaluation voc = DetectionEvaluator.evaluate(truth, Map.of(1L, dets), Protocol.VOC);
        Evaluation coco = DetectionEvaluator.evaluate(truth, Map.of(1L, dets), Protocol.COCO);

        // the curve of AveragePrecisionTest: VOC 5/9, COCO 56/101; exact boxes, so every IoU
        // threshold gives the same: mAP@[.5:.95] = 56/101 too
        ClassEvaluation cat = voc.classes().get(0);
        assertThat(cat.groundTruths()).isEqualTo(3);
        assertThat(cat.detections()).isEqualTo(5);
        assertThat(cat.ap50()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(cat.ap50to95()).isCloseTo(56 / 101.0, within(1e-12));
        assertThat(voc.map50()).isCloseTo(5 / 9.0, within(1e-12)); // dog has no truth: not counted
        assertThat(voc.classes().get(1).ap50()).isNaN();
        assertThat(coco.map50()).isCloseTo(56 / 101.0, within(1e-12));
        assertThat(coco.map50to95()).isCloseTo(56 / 101.0, within(1e-12));
    }

    @Test
    void should_match_the_next_best_truth_in_coco_but_not_in_voc() {
        // truths A (0,0,10,10) and B (2,0,12,10); det 1 = A exactly; det 2 (0.5,0,10.5,10) has
        // IoU 95/105 = 0.90 with A (taken) and 85/115 = 0.74 with B.
        // VOC: det 2's best truth is A, taken: FP -> recall 1/2, precision 1, 1/2: AP = 1/2.
        // COCO: det 2 takes B: two TPs, AP 1.
        LabelSet truth = set(image(3, gt(0, 0, 0, 10, 10), gt(0, 2, 0, 12, 10)));
        Map<Long, List<Detection>> dets =
                Map.of(3L, List.of(det(0, 0, 0, 10, 10, 0.9f), det(0, 0.5f, 0, 10.5f, 10, 0.8f)));

        assertThat(DetectionEvaluator.evaluate(truth, dets, Protocol.VOC).map50())
                .isCloseTo(0.5, within(1e-12));
        assertThat(DetectionEvaluator.evaluate(truth, dets, Protocol.COCO).map50())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void should_average_coco_ap_over_the_ten_iou_thresholds() {
        // one truth (0,0,10,10), one detection (0,0,10,7.7): IoU 0.77 passes 0.5, 0.55, ...,
        // 0.75 (6 thresholds, AP 1 each) and fails 0.8 .. 0.95 (AP 0): 6/10
        LabelSet truth = set(image(1, gt(1, 0, 0, 10, 10)));
        Map<Long, List<Detection>> dets = Map.of(1L, List.of(det(1, 0, 0, 10, 7.7f, 0.9f)));

        Evaluation e = DetectionEvaluator.evaluate(truth, dets, Protocol.COCO);

        assertThat(e.classes().get(1).ap50to95()).isCloseTo(0.6, within(1e-12));
        assertThat(e.classes().get(1).ap50()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void should_ignore_detections_of_difficult_objects_and_not_count_them() {
        // a difficult dog detected, a normal dog missed: VOC ignores the first detection,
        // so no detections count and one truth counts: AP 0; without the miss AP would be 1
        LabelSet truth =
                set(
                        image(
                                1,
                                new LabeledBox(1, new BoundingBox(0, 0, 10, 10), true),
                                gt(1, 50, 50, 60, 60)));
        Map<Long, List<Detection>> dets = Map.of(1L, List.of(det(1, 0, 0, 10, 10, 0.9f)));

        ClassEvaluation dog =
                DetectionEvaluator.evaluate(truth, dets, Protocol.VOC).classes().get(1);

        assertThat(dog.groundTruths()).isEqualTo(1);
        assertThat(dog.curve().recall()).isEmpty();
        assertThat(dog.ap50()).isZero();
    }

    @Test
    void should_pool_detections_of_several_images_by_score() {
        // image 1: cat found (0.6); image 2: cat missed, a false cat (0.9) elsewhere.
        // by score: FP (0.9), TP (0.6); recall 0, 1/2; precision 0, 1/2
        // VOC: envelope 1/2 up to recall 1/2: AP = 1/2 * 1/2 = 1/4
        LabelSet truth = set(image(1, gt(0, 0, 0, 10, 10)), image(2, gt(0, 0, 0, 10, 10)));
        Map<Long, List<Detection>> dets =
                Map.of(
                        1L, List.of(det(0, 0, 0, 10, 10, 0.6f)),
                        2L, List.of(det(0, 30, 30, 40, 40, 0.9f)));

        Evaluation e = DetectionEvaluator.evaluate(truth, dets, Protocol.VOC);

        assertThat(e.classes().get(0).curve().precision()).containsExactly(0, 0.5);
        assertThat(e.map50()).isCloseTo(0.25, within(1e-12));
    }

    private static LabelSet set(LabeledImage... images) {
        return LabelSet.of(NAMES, List.of(images));
    }

    private static LabeledImage image(long id, LabeledBox... boxes) {
        return new LabeledImage(id, "img" + id, 100, 100, List.of(boxes));
    }

    private static LabeledBox gt(int cls, float x1, float y1, float x2, float y2) {
        return new LabeledBox(cls, new BoundingBox(x1, y1, x2, y2));
    }

    private static Detection det(int cls, float x1, float y1, float x2, float y2, float score) {
        return new Detection(new BoundingBox(x1, y1, x2, y2), cls, score);
    }
}
