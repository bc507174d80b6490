package io.dlkit.plugins.detector.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.image.Image;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageMappingTest {
    @Test
    void should_letterbox_a_landscape_image_as_darknet_does() {
        // 640x480 into 416x416: 416/640 = 0.65 < 416/480, so width 416, height 480*416/640 = 312,
        // top offset (416 - 312) / 2 = 52
        ImageMapping m = ImageMapping.letterbox(640, 480, 416, 416);
        assertThat(m.padX()).isZero();
        assertThat(m.padY()).isEqualTo(52);
        assertThat(m.scaleX()).isEqualTo(0.65f);
        assertThat(m.scaleY()).isEqualTo(0.65f);
        // input fractions (0.25, 0.5)-(0.75, 0.75) are input pixels x 104..312, y 208..312;
        // original x = 104 / 0.65 = 160 .. 480, y = (208 - 52) / 0.65 = 240 .. (312 - 52) / 0.65 =
        // 400
        assertClose(m.toOriginal(new BoundingBox(0.25f, 0.5f, 0.75f, 0.75f)), 160, 240, 480, 400);
    }

    @Test
    void should_map_a_stretched_input_back_by_each_axis() {
        ImageMapping m = ImageMapping.stretch(640, 480, 416, 416);
        assertClose(m.toOriginal(new BoundingBox(0.25f, 0.5f, 0.75f, 0.75f)), 160, 240, 480, 360);
    }

    @Test
    void should_clip_to_the_original_and_round_trip_through_the_input() {
        ImageMapping m = ImageMapping.letterbox(300, 600, 416, 416);
        // 300x600: height fills (416), width 300*416/600 = 208, left offset 104
        assertThat(m.padX()).isEqualTo(104);
        BoundingBox original = new BoundingBox(30, 60, 150, 500);
        assertClose(m.toOriginal(m.toInput(original)), 30, 60, 150, 500);
        // a box reaching into the grey padding is cut at the image edge
        assertClose(m.toOriginal(new BoundingBox(0, 0, 0.5f, 1f)), 0, 0, 150, 600);
    }

    @Test
    void should_paste_the_resized_image_on_grey() {
        Image white = new Image(filled(4 * 2 * 3, 1f), 2, 4, 3); // 4 wide, 2 high
        Image in = ImageMapping.letterbox(4, 2, 8, 8).apply(white); // 8x4 at y offset 2
        assertThat(in.width()).isEqualTo(8);
        assertThat(in.height()).isEqualTo(8);
        assertThat(in.get(1, 3, 0)).isEqualTo(0.5f);
        assertThat(in.get(2, 0, 0)).isCloseTo(1f, within(1e-6f));
        assertThat(in.get(5, 7, 2)).isCloseTo(1f, within(1e-6f));
        assertThat(in.get(6, 7, 2)).isEqualTo(0.5f);
    }

    @Test
    void should_decode_suppress_and_map_in_one_go() {
        // the hand-built output of YoloDecoderTest: the 0.54 box is centred (3/4, 1/4) of the
        // input, 2/3 x 3/8; corners (5/12, 1/16)-(13/12, 7/16);
        // on a stretched 300x200 image: (125, 12.5)-(325 clipped to 300, 87.5)
        YoloPostprocessor post =
                new YoloPostprocessor(
                        new YoloDecoder(2, 3, new float[] {0.5f, 1f, 2f, 1.5f}, 3),
                        new NmsOptions(0.52f, 0.45f, 10, false));
        List<Detection> got =
                post.detect(
                        YoloDecoderTest.handBuiltOutput(),
                        ImageMapping.stretch(300, 200, 416, 416));
        assertThat(got).hasSize(1);
        assertClose(got.get(0).box(), 125, 12.5f, 300, 87.5f);
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }

    private static void assertClose(BoundingBox b, float x1, float y1, float x2, float y2) {
        assertThat(b.x1()).isCloseTo(x1, within(1e-3f));
        assertThat(b.y1()).isCloseTo(y1, within(1e-3f));
        assertThat(b.x2()).isCloseTo(x2, within(1e-3f));
        assertThat(b.y2()).isCloseTo(y2, within(1e-3f));
    }
}
