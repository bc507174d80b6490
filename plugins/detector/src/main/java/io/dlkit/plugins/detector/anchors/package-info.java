/**
 * Anchor boxes from training labels: k-means over box sizes with distance {@code 1 - IoU} ({@link
 * io.dlkit.plugins.detector.anchors.AnchorKMeans}), as YOLO9000 chooses its priors.
 */
package io.dlkit.plugins.detector.anchors;
