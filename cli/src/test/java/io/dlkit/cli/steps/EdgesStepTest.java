package io.dlkit.cli.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.pipeline.Params;
import io.dlkit.backend.image.Image;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgesStepTest {
    @TempDir Path dir;

    /** RGB, 6 rows by 8 columns: white in columns 0..2, mid grey (0.5) in 3..7. */
    private static Image step() {
        float[] data = new float[6 * 8 * 3];
        for (int p = 0; p < 6 * 8; p++) {
            float v = p % 8 < 3 ? 1f : 0.5f;
            data[p * 3] = v;
            data[p * 3 + 1] = v;
            data[p * 3 + 2] = v;
        }
        return new Image(data, 6, 8, 3);
    }

    @Test
    void should_whiten_the_step_columns_and_leave_the_rest_black() {
        // given
        TestContext context = new TestContext(dir, false);

        // when
        Image out =
                (Image)
                        new EdgesStep()
                                .run(
                                        context,
                                        new Params(Map.of("filter", "scharr")),
                                        Map.of("image", step()))
                                .get("image");

        // then: columns 2 and 3 straddle the step (16 * 0.5 = 8 before scaling to the maximum)
        assertThat(out).hasToString("Image[6x8x1]");
        assertThat(context.graphsOpened).isEqualTo(1);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(out.get(y, x, 0)).isCloseTo(x == 2 || x == 3 ? 1f : 0f, within(1e-6f));
            }
        }
    }

    @Test
    void should_list_the_filters_for_an_unknown_one_with_exit_2() {
        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new EdgesStep()
                                        .run(
                                                new TestContext(dir, false),
                                                new Params(Map.of("filter", "laplace")),
                                                Map.of("image", step())));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        "unknown edge filter 'laplace'; choose one of vertical, horizontal, sobel,"
                                + " scharr");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_refuse_an_image_too_small_for_the_kernel() {
        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> EdgesStep.checked(new Image(new float[2 * 5], 2, 5, 1)));

        // then
        assertThat(e.getMessage())
                .isEqualTo("the image is 5x2 pixels; edge detection needs at least 3x3");
    }

    @Test
    void should_name_the_default_output_after_the_image() {
        assertThat(EdgesCommand.defaultOut(Path.of("samples/images/cat.png")))
                .isEqualTo(Path.of("cat-edges.png"));
        assertThat(EdgesCommand.defaultOut(Path.of("photo"))).isEqualTo(Path.of("photo-edges.png"));
    }
}
