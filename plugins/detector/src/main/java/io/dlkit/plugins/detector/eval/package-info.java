/**
 * Detection evaluation: mAP@0.5 as Pascal VOC computes it (all-points interpolation), mAP@[.5:.95]
 * as COCO does (101 points), per class, with precision-recall curves ({@link
 * io.dlkit.plugins.detector.eval.DetectionEvaluator}).
 */
package io.dlkit.plugins.detector.eval;
