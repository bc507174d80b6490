package io.dlkit.plugins.detector.eval;

/**
 * The evaluation of one class.
 *
 * @param groundTruths the number of objects of the class that count (not difficult or crowd)
 * @param detections the number of its detections considered
 * @param ap50 AP at IoU 0.5 under the protocol the evaluation ran with
 * @param ap50to95 COCO's AP averaged over IoU 0.5, 0.55, ..., 0.95 (101-point)
 * @param curve the precision-recall curve at IoU 0.5
 */
public record ClassEvaluation(
        int classId,
        String name,
        int groundTruths,
        int detections,
        double ap50,
        double ap50to95,
        PrCurve curve) {}
