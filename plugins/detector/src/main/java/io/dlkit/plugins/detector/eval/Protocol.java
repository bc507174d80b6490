package io.dlkit.plugins.detector.eval;

/**
 * How detections are matched to ground truth and precision is integrated.
 *
 * <ul>
 *   <li>{@link #VOC}: Pascal VOC 2010+ devkit: a detection takes the ground truth of highest IoU;
 *       it is a true positive if that IoU is above the threshold and the ground truth is not taken
 *       yet (else a false positive); matching a difficult object neither counts nor hurts; AP is
 *       the area under the precision envelope at every recall point ("all points").
 *   <li>{@link #COCO}: pycocotools: at most 100 detections per image and class; a detection takes
 *       the untaken ground truth of highest IoU at or above the threshold, preferring normal
 *       objects to crowd ones (a crowd match is ignored); AP is the mean of the precision envelope
 *       at the 101 recalls 0, 0.01, ..., 1.
 * </ul>
 */
public enum Protocol {
    /** Pascal VOC: mAP@0.5, all-points interpolation. */
    VOC,
    /** COCO: 101-point interpolation, used for mAP@[.5:.95]. */
    COCO
}
