package io.dlkit.plugins.detector.eval;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.LabeledImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * mAP of detections against labels: per class, AP at IoU 0.5 under the chosen {@link Protocol},
 * COCO's AP averaged over IoU 0.5:0.05:0.95, and the precision-recall curve at 0.5; the means over
 * the classes that have ground truth. Detections and labels must use the same coordinates (both
 * fractions of the image, or both pixels; IoU does not change when an axis is scaled).
 */
public final class DetectionEvaluator {
    /**
     * pycocotools' {@code maxDets[-1]}: the highest-scoring detections kept per image and class.
     */
    static final int COCO_MAX_DETECTIONS = 100;

    private DetectionEvaluator() {}

    /**
     * Evaluates {@code detections} (by image id; a missing id means no detections) against {@code
     * truth}.
     */
    public static Evaluation evaluate(
            LabelSet truth, Map<Long, List<Detection>> detections, Protocol protocol) {
        requireNonNull(truth, "truth is null");
        requireNonNull(detections, "detections is null");
        requireNonNull(protocol, "protocol is null");
        List<ClassEvaluation> classes = new ArrayList<>();
        double sum50 = 0;
        double sum5095 = 0;
        int counted = 0;
        for (int c = 0; c < truth.classNames().size(); c++) {
            ClassEvaluation e = evaluateClass(truth, detections, protocol, c);
            classes.add(e);
            if (e.groundTruths() > 0) {
                sum50 += e.ap50();
                sum5095 += e.ap50to95();
                counted++;
            }
        }
        double n = counted == 0 ? Double.NaN : counted;
        return new Evaluation(protocol, classes, sum50 / n, sum5095 / n);
    }

    private static ClassEvaluation evaluateClass(
            LabelSet truth, Map<Long, List<Detection>> all, Protocol protocol, int c) {
        int npos = 0;
        for (LabeledImage img : truth.images()) {
            npos +=
                    (int)
                            img.objects().stream()
                                    .filter(b -> b.classId() == c && !b.difficult())
                                    .count();
        }
        Scored at50 = scored(truth, all, protocol, c, 0.5);
        PrCurve curve = PrCurve.of(at50.truePositive(), Math.max(npos, 1));
        if (npos == 0) {
            return new ClassEvaluation(
                    c, truth.classNames().get(c), 0, at50.count(), Double.NaN, Double.NaN, curve);
        }
        double ap50 =
                protocol == Protocol.VOC
                        ? AveragePrecision.allPoints(curve)
                        : AveragePrecision.points101(curve);
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            double t = 0.5 + 0.05 * k; // np.linspace(.5, .95, 10)
            sum +=
                    AveragePrecision.points101(
                            PrCurve.of(
                                    scored(truth, all, Protocol.COCO, c, t).truePositive(), npos));
        }
        return new ClassEvaluation(
                c, truth.classNames().get(c), npos, at50.count(), ap50, sum / 10, curve);
    }

    /** The class's counted detections over all images, highest score first, with outcomes. */
    private static Scored scored(
            LabelSet truth, Map<Long, List<Detection>> all, Protocol protocol, int c, double t) {
        List<float[]> rows = new ArrayList<>(); // {score, 1 if true positive}
        for (LabeledImage img : truth.images()) {
            List<Detection> dets = forClass(all.getOrDefault(img.id(), List.of()), protocol, c);
            List<LabeledBox> gts = img.objects().stream().filter(b -> b.classId() == c).toList();
            Matching.Outcome[] outcomes = Matching.match(dets, gts, t, protocol);
            for (int i = 0; i < dets.size(); i++) {
                if (outcomes[i] != Matching.Outcome.IGNORED) {
                    boolean tp = outcomes[i] == Matching.Outcome.TRUE_POSITIVE;
                    rows.add(new float[] {dets.get(i).score(), tp ? 1 : 0});
                }
            }
        }
        rows.sort(Comparator.comparingDouble((float[] r) -> -r[0])); // stable, as mergesort
        boolean[] flags = new boolean[rows.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = rows.get(i)[1] == 1;
        }
        return new Scored(flags);
    }

    private static List<Detection> forClass(List<Detection> dets, Protocol protocol, int c) {
        List<Detection> sorted = new ArrayList<>();
        for (Detection d : dets) {
            if (d.classId() == c) {
                sorted.add(d);
            }
        }
        sorted.sort(Comparator.comparingDouble((Detection d) -> -d.score()));
        if (protocol == Protocol.COCO && sorted.size() > COCO_MAX_DETECTIONS) {
            return sorted.subList(0, COCO_MAX_DETECTIONS);
        }
        return sorted;
    }

    private record Scored(boolean[] truePositive) {
        int count() {
            return truePositive.length;
        }
    }
}
