package io.dlkit.plugins.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.face.SsdMobileNetV1;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsdDecoderTest {
    @Test
    void should_decode_an_encoding_against_its_anchor_by_the_ssd_formula() {
        // anchor (ymin, xmin, ymax, xmax) = (0.2, 0.4, 0.6, 0.6): ha 0.4, wa 0.2, centre (0.4, 0.5)
        // ty 1 -> y = 0.1 * 0.4 + 0.4 = 0.44; tx -2 -> x = -0.2 * 0.2 + 0.5 = 0.46
        // th 5 -> h = e * 0.4; tw 0 -> w = 0.2
        float[] anchors = {0.2f, 0.4f, 0.6f, 0.6f};
        double[] box = SsdDecoder.decode(new float[] {1, -2, 5, 0}, anchors);
        double h = Math.E * 0.4;
        assertThat(box[0]).isCloseTo(0.44 - h / 2, within(1e-6));
        assertThat(box[1]).isCloseTo(0.46 - 0.1, within(1e-6));
        assertThat(box[2]).isCloseTo(0.44 + h / 2, within(1e-6));
        assertThat(box[3]).isCloseTo(0.46 + 0.1, within(1e-6));
    }

    @Test
    void should_keep_the_best_of_overlapping_boxes_and_drop_low_scores() {
        double[] boxes = {
            0, 0, 1, 1, // 0
            0, 0.1, 1, 1.1, // 1: IoU with 0 = 0.9 / 1.1 > 0.5
            2, 2, 3, 3, // 2: apart
            5, 5, 6, 6 // 3: low score
        };
        float[] scores = {0.8f, 0.9f, 0.7f, 0.4f};
        assertThat(SsdDecoder.nms(boxes, scores, 0.5, 100)).containsExactly(1, 2);
        assertThat(SsdDecoder.nms(boxes, scores, 0.5, 1)).containsExactly(1);
    }

    @Test
    void should_scale_boxes_back_to_pixels_undoing_the_square_padding() {
        // a 1000x500 image is padded to 1000x1000: relative y in the square is y / 1000, so a box
        // from 0.1 to 0.3 in the square covers rows 100-300 of the 500-row image
        int n = SsdMobileNetV1.ANCHORS;
        float[] anchors = new float[4 * n];
        float[] enc = new float[4 * n];
        float[] scores = new float[n];
        anchors[0] = 0.1f;
        anchors[1] = 0.2f;
        anchors[2] = 0.3f;
        anchors[3] = 0.6f;
        scores[0] = 0.9f;
        List<FaceBox> faces =
                SsdDecoder.faces(new SsdMobileNetV1.Raw(enc, scores, anchors), 1000, 500, 0.5, 100);
        assertThat(faces).hasSize(1);
        FaceBox f = faces.get(0);
        assertThat(f.x()).isCloseTo(200, within(1e-3));
        assertThat(f.y()).isCloseTo(100, within(1e-3));
        assertThat(f.width()).isCloseTo(400, within(1e-3));
        assertThat(f.height()).isCloseTo(200, within(1e-3));
        assertThat(f.score()).isCloseTo(0.9, within(1e-6));
    }
}
