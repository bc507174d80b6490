package io.dlkit.plugins.face.landmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.face.detect.FaceBox;
import org.junit.jupiter.api.Test;

class Landmarks68Test {
    @Test
    void should_place_the_dlib_square_from_eye_and_mouth_centres() {
        // left eye centre (100, 100), right eye (160, 100), mouth (130, 180):
        // eye-to-mouth = sqrt(30^2 + 80^2) = 85.44; size = floor(85.44 / 0.45) = 189
        // reference point = (130, 126.67); x = floor(130 - 94.5) = 35, y = floor(126.67 - 81.27) =
        // 45
        double[] xy = new double[136];
        fill(xy, 36, 42, 100, 100);
        fill(xy, 42, 48, 160, 100);
        fill(xy, 48, 68, 130, 180);
        assertThat(new Landmarks68(xy, 300, 300).alignedBox()).containsExactly(35, 45, 189, 189);
    }

    @Test
    void should_shift_relative_points_by_the_unrounded_box_corner() {
        float[] rel = new float[136];
        rel[0] = 0.5f;
        rel[1] = 0.25f;
        Landmarks68 l =
                Landmarks68.fromRelative(rel, 200, 100, new FaceBox(10.5, 20.25, 200, 100, 1));
        assertThat(l.x(0)).isEqualTo(110.5);
        assertThat(l.y(0)).isEqualTo(45.25);
    }

    private static void fill(double[] xy, int from, int to, double x, double y) {
        for (int i = from; i < to; i++) {
            xy[2 * i] = x;
            xy[2 * i + 1] = y;
        }
    }
}
