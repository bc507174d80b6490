package io.dlkit.plugins.detector.anchors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnchorKMeansTest {
    // Three true sizes (fractions of the image): small squares, tall boxes, wide boxes; each box
    // jittered by up to +-5% per side, 300 boxes each.
    private static final List<BoxSize> TRUE =
            List.of(new BoxSize(0.1, 0.1), new BoxSize(0.3, 0.6), new BoxSize(0.7, 0.3));

    static List<BoxSize> clusters(long seed) {
        Random r = new Random(seed);
        List<BoxSize> boxes = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            BoxSize t = TRUE.get(i % 3);
            boxes.add(new BoxSize(t.width() * jitter(r), t.height() * jitter(r)));
        }
        return boxes;
    }

    @Test
    void should_find_the_three_true_sizes_smallest_first() {
        AnchorClusters found = new AnchorKMeans(3, 42, 100).fit(clusters(1));

        assertThat(found.anchors()).hasSize(3);
        for (int c = 0; c < 3; c++) {
            // the mean of a uniform +-5% jitter is the true size; 300 samples: within 1%
            assertThat(found.anchors().get(c).width())
                    .isCloseTo(TRUE.get(c).width(), within(0.01 * TRUE.get(c).width()));
            assertThat(found.anchors().get(c).height())
                    .isCloseTo(TRUE.get(c).height(), within(0.01 * TRUE.get(c).height()));
        }
        assertThat(found.meanIou()).isGreaterThan(0.9);
        assertThat(found.iterations()).isBetween(2, 100);
    }

    @Test
    void should_beat_the_default_anchors_in_mean_iou() {
        // Tiny-YOLOv2 VOC's anchors in grid cells, over 13 cells: fractions of the image
        double[] voc = {1.08, 1.19, 3.42, 4.41, 6.63, 11.38, 9.42, 5.11, 16.62, 10.52};
        List<BoxSize> defaults = new ArrayList<>();
        for (int i = 0; i < voc.length; i += 2) {
            defaults.add(new BoxSize(voc[i] / 13, voc[i + 1] / 13));
        }
        List<BoxSize> boxes = clusters(2);

        AnchorClusters found = new AnchorKMeans(5, 7, 100).fit(boxes);

        double defaultIou = AnchorKMeans.meanIou(boxes, defaults);
        assertThat(found.meanIou()).isGreaterThan(defaultIou + 0.1);
    }

    @Test
    void should_escape_poor_local_optima_with_restarts() {
        // five sizes, the small one three times as frequent: single k-means++ runs sometimes
        // put two centres on the small boxes and miss one size; the best of 10 runs does not
        List<BoxSize> truth =
                List.of(
                        new BoxSize(0.08, 0.1),
                        new BoxSize(0.2, 0.45),
                        new BoxSize(0.5, 0.3),
                        new BoxSize(0.3, 0.3),
                        new BoxSize(0.7, 0.8));
        Random r = new Random(9);
        List<BoxSize> boxes = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            BoxSize t = truth.get(i < 300 ? 0 : 1 + i % 4);
            boxes.add(new BoxSize(t.width() * jitter(r), t.height() * jitter(r)));
        }
        int singleMisses = 0;
        for (long seed = 0; seed < 20; seed++) {
            singleMisses += findsAll(new AnchorKMeans(5, seed, 100).fit(boxes), truth) ? 0 : 1;
            assertThat(findsAll(new AnchorKMeans(5, seed, 100, 10).fit(boxes), truth))
                    .as("seed %d", seed)
                    .isTrue();
        }
        assertThat(singleMisses).isPositive();
    }

    private static boolean findsAll(AnchorClusters found, List<BoxSize> truth) {
        for (BoxSize t : truth) {
            double best = 0;
            for (BoxSize a : found.anchors()) {
                best =
                        Math.max(
                                best,
                                io.dlkit.plugins.detector.boxes.Iou.aligned(
                                        a.width(), a.height(), t.width(), t.height()));
            }
            if (best < 0.95) {
                return false;
            }
        }
        return true;
    }

    @Test
    void should_give_the_same_anchors_for_the_same_seed() {
        List<BoxSize> boxes = clusters(3);
        assertThat(new AnchorKMeans(5, 11, 100).fit(boxes))
                .isEqualTo(new AnchorKMeans(5, 11, 100).fit(boxes));
    }

    @Test
    void should_average_the_best_iou_of_each_box() {
        // (1,1) matches the 1x1 anchor exactly: 1; (2,2) best with 1x1: 1/4 -> (1 + 0.25) / 2
        List<BoxSize> boxes = List.of(new BoxSize(1, 1), new BoxSize(2, 2));
        assertThat(AnchorKMeans.meanIou(boxes, List.of(new BoxSize(1, 1)))).isEqualTo(0.625);
        // with k = 2 each box is its own centre
        assertThat(new AnchorKMeans(2, 0, 10).fit(boxes).meanIou()).isEqualTo(1.0);
    }

    @Test
    void should_reject_too_few_boxes_and_bad_sizes() {
        assertThatThrownBy(() -> new AnchorKMeans(5, 0, 10).fit(List.of(new BoxSize(1, 1))))
                .hasMessage("k-means needs at least k = 5 boxes, got 1");
        assertThatThrownBy(() -> new BoxSize(0, 1))
                .hasMessage("box width and height must be positive and finite, got 0.0 x 1.0");
    }

    private static double jitter(Random r) {
        return 0.95 + 0.1 * r.nextDouble();
    }
}
