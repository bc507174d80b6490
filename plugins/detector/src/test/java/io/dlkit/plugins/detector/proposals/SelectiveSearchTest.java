package io.dlkit.plugins.detector.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.image.Image;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SelectiveSearchTest {
    @Test
    void should_propose_an_object_made_of_two_segments_as_one_box() {
        // given: a grey 48x40 image with an object at (10, 8)-(30, 24) whose left half is red and
        // right half dark red (two segments), and a small blue square elsewhere
        int w = 48;
        int h = 40;
        float[] px = new float[w * h * 3];
        Random r = new Random(2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] c = {0.5f, 0.5f, 0.5f};
                if (x >= 10 && x < 20 && y >= 8 && y < 24) {
                    c = new float[] {0.95f, 0.1f, 0.1f};
                } else if (x >= 20 && x < 30 && y >= 8 && y < 24) {
                    c = new float[] {0.6f, 0.1f, 0.1f};
                } else if (x >= 36 && x < 44 && y >= 28 && y < 36) {
                    c = new float[] {0.1f, 0.1f, 0.9f};
                }
                for (int k = 0; k < 3; k++) {
                    px[(y * w + x) * 3 + k] = c[k] + 0.02f * (r.nextFloat() - 0.5f);
                }
            }
        }
        Image image = new Image(px, h, w, 3);
        GraphSegmentation seg = new GraphSegmentation(0.3, 10);
        BoundingBox object = new BoundingBox(10, 8, 30, 24);

        // when
        List<BoundingBox> segments = seg.segment(image).boxes();
        List<BoundingBox> proposals = new SelectiveSearch(seg).propose(image);

        // then: four segments (background, two halves, square); no segment covers the object, a
        // merged region does exactly; the background's box is already the whole image, so the
        // later merges into it add nothing new: 4 segments + the object = 5 distinct boxes
        assertThat(segments).hasSize(4).doesNotContain(object);
        assertThat(segments.get(0)).isEqualTo(new BoundingBox(0, 0, w, h));
        assertThat(proposals).startsWith(segments.toArray(BoundingBox[]::new)).contains(object);
        assertThat(proposals).hasSize(5).doesNotHaveDuplicates();
    }
}
