package io.dlkit.plugins.detector.anchors;

import java.util.List;

/**
 * What {@link AnchorKMeans} found.
 *
 * @param anchors the cluster centres, smallest area first
 * @param meanIou the mean over all boxes of the IoU with their best anchor (sizes aligned at the
 *     origin): YOLO9000's "Avg IOU"
 * @param iterations the assignment rounds until no box changed cluster (or the limit)
 */
public record AnchorClusters(List<BoxSize> anchors, double meanIou, int iterations) {
    /** Copies the list. */
    public AnchorClusters {
        anchors = List.copyOf(anchors);
    }
}
