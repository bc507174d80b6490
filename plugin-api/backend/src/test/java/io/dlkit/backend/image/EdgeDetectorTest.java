package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.image.EdgeDetector.Padding;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeDetectorTest {
    private GraphContext graph;

    @BeforeEach
    void openGraph() {
        graph = GraphContext.create(DeviceRequest.CPU, 1, 7);
    }

    @AfterEach
    void closeGraph() {
        graph.close();
    }

    /**
     * A grey image whose columns left of {@code edge} hold {@code left}, the rest {@code right}.
     */
    private static Image verticalStep(int height, int width, int edge, float left, float right) {
        float[] data = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                data[y * width + x] = x < edge ? left : right;
            }
        }
        return new Image(data, height, width, 1);
    }

    private static float[][] rows(Image image) {
        float[][] out = new float[image.height()][image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out[y][x] = image.get(y, x, 0);
            }
        }
        return out;
    }

    @Test
    void should_give_the_notes_4x4_result_for_the_6x6_example() {
        // given: the 6x6 image of the edge-detection example, 10 in the left three columns and 0
        // in the right three (source-notes.md gives the kernels and the size rule, 6x6 with 3x3
        // is 4x4 = n - f + 1; the values, from the lecture's figure, are checked by hand below)
        Image six = verticalStep(6, 6, 3, 10f, 0f);

        // when: convolved with the vertical kernel, no padding (n - f + 1 = 4)
        Image out = new EdgeDetector(graph, EdgeFilter.VERTICAL, Padding.VALID).magnitude(six);

        // then: windows over (10,10,10) and (0,0,0) give 0; over (10,10,0) and (10,0,0) each
        // row gives 10*1 + 10*0 + 0*(-1) = 10 (or 10 - 0), three rows 30
        float[] row = {0, 30, 30, 0};
        assertThat(rows(out)).isDeepEqualTo(new float[][] {row, row, row, row});
    }

    @ParameterizedTest
    @CsvSource({
        // filter, hand-computed strength at the two columns beside a 1 -> 0 step
        "vertical,   3", // (1 - 0) * 3 rows
        "sobel,      4", // (1 - 0) * (1 + 2 + 1); the horizontal kernel gives 0, sqrt(4^2 + 0^2)
        "scharr,    16", // (1 - 0) * (3 + 10 + 3)
        "horizontal, 0" // no horizontal edge anywhere
    })
    void should_find_a_vertical_step_edge_at_its_columns_and_nothing_elsewhere(
            String name, float strength) {
        // given: an 8x10 RGB image, white in columns 0..4 and black in 5..9
        Image grey = verticalStep(8, 10, 5, 1f, 0f);
        Image rgb = Images.convert(grey, 3);

        // when: same size, mirrored border
        Image out = new EdgeDetector(graph, EdgeFilter.parse(name), Padding.REFLECT).magnitude(rgb);

        // then: output column x sees input columns x-1..x+1, so columns 4 and 5 straddle the step
        assertThat(out).hasToString("Image[8x10x1]");
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 10; x++) {
                float expected = x == 4 || x == 5 ? strength : 0f;
                assertThat(out.get(y, x, 0))
                        .as("row %d column %d", y, x)
                        .isCloseTo(expected, within(1e-5f));
            }
        }
    }

    @Test
    void should_combine_both_directions_as_the_magnitude() {
        // given: a 5x5 grey image, 1 only at the centre
        float[] data = new float[25];
        data[12] = 1f;
        Image dot = new Image(data, 5, 5, 1);

        // when
        Image out = new EdgeDetector(graph, EdgeFilter.SOBEL, Padding.VALID).magnitude(dot);

        // then: output (0,0) sees the dot at kernel position (2,2): v = -1, h = -1, sqrt(2);
        // output (1,0) sees it at (1,2): v = -2, h = 0, so 2
        assertThat(out.get(0, 0, 0)).isCloseTo((float) Math.sqrt(2), within(1e-6f));
        assertThat(out.get(1, 0, 0)).isCloseTo(2f, within(1e-6f));
        assertThat(out.get(1, 1, 0)).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void should_normalise_the_strongest_edge_to_one_and_a_flat_image_to_zero() {
        // given
        EdgeDetector edges = new EdgeDetector(graph, EdgeFilter.SCHARR, Padding.REFLECT);

        // when
        Image step = edges.normalised(verticalStep(6, 6, 3, 0.5f, 0.25f));
        Image flat = edges.normalised(verticalStep(7, 4, 0, 0.5f, 0.5f));

        // then: 16 * 0.25 = 4 at the edge, divided by the maximum 4
        assertThat(step.get(2, 2, 0)).isEqualTo(1f);
        assertThat(step.get(2, 0, 0)).isEqualTo(0f);
        assertThat(flat.data()).containsOnly(0f);
    }

    @Test
    void should_convert_rgb_to_luma_before_the_convolution() {
        // given: pure red left of the step, black right: luma 0.299
        Image grey = verticalStep(4, 6, 3, 1f, 0f);
        float[] rgb = new float[4 * 6 * 3];
        for (int p = 0; p < 24; p++) {
            rgb[p * 3] = grey.data()[p];
        }

        // when
        Image out =
                new EdgeDetector(graph, EdgeFilter.VERTICAL, Padding.REFLECT)
                        .magnitude(new Image(rgb, 4, 6, 3));

        // then
        assertThat(out.get(1, 2, 0)).isCloseTo(3 * 0.299f, within(1e-6f));
    }

    @Test
    void should_refuse_an_image_smaller_than_the_kernel() {
        EdgeDetector edges = new EdgeDetector(graph, EdgeFilter.SOBEL, Padding.REFLECT);
        assertThatThrownBy(() -> edges.magnitude(new Image(new float[6], 2, 3, 1)))
                .hasMessage("edge detection needs an image of at least 3x3 pixels, got 2x3");
    }

    @Test
    void should_name_the_known_filters_for_an_unknown_one() {
        assertThat(EdgeFilter.parse(" Sobel ")).isEqualTo(EdgeFilter.SOBEL);
        assertThatThrownBy(() -> EdgeFilter.parse("canny"))
                .hasMessage(
                        "unknown edge filter 'canny'; choose one of vertical, horizontal, sobel,"
                                + " scharr");
    }
}
