/**
 * Boxes and what detection does with them: {@link io.dlkit.plugins.detector.boxes.BoundingBox}, IoU
 * in corner, centre and origin-aligned forms ({@link io.dlkit.plugins.detector.boxes.Iou}), and
 * non-max suppression ({@link io.dlkit.plugins.detector.boxes.NonMaxSuppression}). Plain Java, no
 * TensorFlow.
 */
package io.dlkit.plugins.detector.boxes;
