package io.dlkit.plugins.detector.eval;

import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.List;

/** Matches one image's detections of one class to its ground truth at one IoU threshold. */
final class Matching {
    /** A detection's outcome. */
    enum Outcome {
        TRUE_POSITIVE,
        FALSE_POSITIVE,
        IGNORED
    }

    private Matching() {}

    /** Outcomes of {@code dets} (sorted by score, highest first) against {@code truth}. */
    static Outcome[] match(
            List<Detection> dets, List<LabeledBox> truth, double threshold, Protocol protocol) {
        boolean[] taken = new boolean[truth.size()];
        Outcome[] out = new Outcome[dets.size()];
        for (int d = 0; d < dets.size(); d++) {
            out[d] =
                    protocol == Protocol.VOC
                            ? voc(dets.get(d), truth, taken, threshold)
                            : coco(dets.get(d), truth, taken, threshold);
        }
        return out;
    }

    private static Outcome voc(
            Detection det, List<LabeledBox> truth, boolean[] taken, double threshold) {
        int best = -1;
        double bestIou = -1;
        for (int g = 0; g < truth.size(); g++) {
            double iou = det.box().iou(truth.get(g).box());
            if (iou > bestIou) {
                bestIou = iou;
                best = g;
            }
        }
        if (best < 0 || bestIou <= threshold) {
            return Outcome.FALSE_POSITIVE;
        }
        if (truth.get(best).difficult()) {
            return Outcome.IGNORED;
        }
        if (taken[best]) {
            return Outcome.FALSE_POSITIVE;
        }
        taken[best] = true;
        return Outcome.TRUE_POSITIVE;
    }

    private static Outcome coco(
            Detection det, List<LabeledBox> truth, boolean[] taken, double threshold) {
        int best = pick(det, truth, taken, threshold, false);
        if (best >= 0) {
            taken[best] = true;
            return Outcome.TRUE_POSITIVE;
        }
        // a crowd region may absorb any number of detections, which are then ignored
        return pick(det, truth, taken, threshold, true) >= 0
                ? Outcome.IGNORED
                : Outcome.FALSE_POSITIVE;
    }

    private static int pick(
            Detection det,
            List<LabeledBox> truth,
            boolean[] taken,
            double threshold,
            boolean crowd) {
        int best = -1;
        double bestIou = Math.min(threshold, 1 - 1e-10);
        for (int g = 0; g < truth.size(); g++) {
            if (truth.get(g).difficult() != crowd || (!crowd && taken[g])) {
                continue;
            }
            double iou = det.box().iou(truth.get(g).box());
            if (iou >= bestIou) {
                bestIou = iou;
                best = g;
            }
        }
        return best;
    }
}
