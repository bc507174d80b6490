package io.dlkit.plugins.detector.anchors;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.LabeledImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Anchors for a labelled set, as {@code dlkit detect anchors} prints them: k-means over the label
 * boxes' sizes (fractions of the image), the same in grid cells (what a Darknet {@code [region]}
 * takes), and the mean IoU beside that of Tiny-YOLOv2 VOC's default anchors.
 *
 * @param boxes the number of boxes clustered
 * @param grid the grid size the cell units use (13 for a 416 input)
 * @param clusters what k-means found, sizes as fractions of the image
 * @param defaultMeanIou the mean IoU of the same boxes with {@link #DEFAULT_ANCHORS}
 */
public record AnchorReport(int boxes, int grid, AnchorClusters clusters, double defaultMeanIou) {
    /** Tiny-YOLOv2 VOC's anchors in cells of its 13 x 13 grid (yolov2-tiny-voc.cfg). */
    public static final double[] DEFAULT_ANCHORS = {
        1.08, 1.19, 3.42, 4.41, 6.63, 11.38, 9.42, 5.11, 16.62, 10.52
    };

    /**
     * Clusters every box of {@code labels} (difficult ones too) into {@code k} anchors, the best of
     * {@code restarts} k-means runs of at most {@code iterations} rounds.
     */
    public static AnchorReport of(
            LabelSet labels, int k, long seed, int grid, int iterations, int restarts) {
        requireNonNull(labels, "labels is null");
        List<BoxSize> sizes = new ArrayList<>();
        for (LabeledImage img : labels.images()) {
            for (LabeledBox b : img.objects()) {
                if (b.box().width() > 0 && b.box().height() > 0) {
                    sizes.add(new BoxSize(b.box().width(), b.box().height()));
                }
            }
        }
        AnchorClusters clusters = new AnchorKMeans(k, seed, iterations, restarts).fit(sizes);
        List<BoxSize> defaults = new ArrayList<>();
        for (int i = 0; i < DEFAULT_ANCHORS.length; i += 2) {
            defaults.add(new BoxSize(DEFAULT_ANCHORS[i] / 13, DEFAULT_ANCHORS[i + 1] / 13));
        }
        return new AnchorReport(
                sizes.size(), grid, clusters, AnchorKMeans.meanIou(sizes, defaults));
    }

    /** The anchors in grid cells as a Darknet {@code anchors = } value, 2 decimals each. */
    public String cfgAnchors() {
        return clusters.anchors().stream()
                .map(
                        a ->
                                String.format(
                                        Locale.ROOT,
                                        "%.2f,%.2f",
                                        a.width() * grid,
                                        a.height() * grid))
                .collect(Collectors.joining(",  "));
    }
}
