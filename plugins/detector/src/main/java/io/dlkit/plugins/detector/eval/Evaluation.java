package io.dlkit.plugins.detector.eval;

import java.util.List;

/**
 * The evaluation of a detector on a labelled set.
 *
 * @param protocol how AP at 0.5 was computed ({@link Protocol#VOC}: all points; {@link
 *     Protocol#COCO}: 101 points)
 * @param classes one entry per class, in class order
 * @param map50 the mean of {@code ap50} over the classes that have ground truth
 * @param map50to95 the mean of {@code ap50to95} over the same classes
 */
public record Evaluation(
        Protocol protocol, List<ClassEvaluation> classes, double map50, double map50to95) {
    /** Copies the list. */
    public Evaluation {
        classes = List.copyOf(classes);
    }
}
