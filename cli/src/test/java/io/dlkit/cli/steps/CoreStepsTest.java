package io.dlkit.cli.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoreStepsTest {
    @TempDir Path dir;

    private static Params params(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Params(map);
    }

    private static Image grey(int height, int width) {
        return new Image(new float[height * width], height, width, 1);
    }

    @Test
    void should_provide_the_image_and_boxes_steps() {
        // when
        List<StepType> types = new CoreStepProvider().stepTypes();

        // then
        assertThat(types)
                .extracting(StepType::name)
                .containsExactly(
                        "image/load",
                        "image/resize",
                        "image/draw-boxes",
                        "image/draw-points",
                        "image/edges",
                        "image/save",
                        "boxes/load",
                        "boxes/save",
                        "points/load");
    }

    @ParameterizedTest
    @CsvSource({
        // width, height, keep_aspect, expected rows, expected columns (source is 200 x 300)
        "240,     , false, 160, 240", // 200 * 240 / 300 = 160
        "   ,  100, false, 100, 150", // 300 * 100 / 200 = 150
        " 50,   50, false,  50,  50", // stretched
        " 50,   50, true,   33,  50", // scale min(50/300, 50/200) = 1/6: 200/6 = 33.3, 300/6 = 50
        "  1,     , false,   1,   1" // 200 / 300 rounds to 1, never 0
    })
    void should_size_a_resize_from_width_height_and_aspect(
            Integer width, Integer height, boolean keep, int rows, int columns) {
        // given
        Params p = params("width", width, "height", height, "keep_aspect", keep);

        // when
        int[] size = ResizeImageStep.targetSize(200, 300, p);

        // then
        assertThat(size).containsExactly(rows, columns);
    }

    @Test
    void should_ask_for_a_width_or_a_height() {
        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> ResizeImageStep.targetSize(200, 300, params("keep_aspect", false)));

        // then
        assertThat(e.getMessage()).isEqualTo("give width, height or both");
    }

    @Test
    void should_reject_a_zero_width() {
        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                ResizeImageStep.targetSize(
                                        200, 300, params("width", 0, "keep_aspect", false)));

        // then
        assertThat(e.getMessage()).isEqualTo("width must be 1 to 65536 pixels, got 0");
    }

    @Test
    void should_name_a_missing_image_file() {
        // given
        Path missing = dir.resolve("missing.png");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new LoadImageStep()
                                        .run(
                                                new TestContext(dir, false),
                                                params("path", missing, "channels", 3),
                                                Map.of()));

        // then
        assertThat(e.getMessage()).isEqualTo(missing + ": no such file");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_name_a_file_that_is_not_an_image() throws IOException {
        // given
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new LoadImageStep()
                                        .run(
                                                new TestContext(dir, false),
                                                params("path", text, "channels", 3),
                                                Map.of()));

        // then
        assertThat(e.getMessage()).startsWith(text + ": ").doesNotContain("\n");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_load_an_image_with_the_channels_asked_for() throws IOException {
        // given
        Path png = dir.resolve("g.png");
        Images.write(png, grey(4, 6));

        // when
        Map<String, Object> out =
                new LoadImageStep()
                        .run(
                                new TestContext(dir, false),
                                params("path", png, "channels", 3),
                                Map.of());

        // then
        assertThat(out.get("image")).hasToString("Image[4x6x3]");
    }

    @Test
    void should_require_boxes_from_a_file_or_an_input() {
        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new DrawBoxesStep()
                                        .run(
                                                new TestContext(dir, false),
                                                params(),
                                                Map.of("image", grey(4, 4))));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        "no boxes to draw: give 'with: {boxes: FILE.json}'"
                                + " or wire 'inputs: {boxes: ${STEP.boxes}}'");
    }

    @Test
    void should_save_a_png_inside_the_output_directory_and_record_it() throws IOException {
        // given
        TestContext context = new TestContext(dir, false);

        // when
        Map<String, Object> out =
                new SaveImageStep()
                        .run(context, params("file", "sub/a.png"), Map.of("image", grey(3, 5)));

        // then
        Path file = dir.resolve("sub/a.png");
        assertThat(out).containsEntry("file", file);
        assertThat(context.recorded).containsExactly(file);
        assertThat(file).isRegularFile();
    }

    @Test
    void should_not_replace_an_existing_file_without_overwrite() throws IOException {
        // given
        Path existing = Files.writeString(dir.resolve("a.png"), "mine");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new SaveImageStep()
                                        .run(
                                                new TestContext(dir, false),
                                                params("file", "a.png"),
                                                Map.of("image", grey(3, 5))));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        existing
                                + " already exists; pass --overwrite to replace it or choose another path");
        assertThat(existing).hasContent("mine");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a.gif       | file \"a.gif\" must end in .png, .jpg or .jpeg",
                "../a.png    | output location '../a.png' leaves the run's output folder; give a path"
                        + " inside it (e.g. 'model') or pass --allow-outside-out",
                "/tmp/a.png  | output location '/tmp/a.png' is an absolute path; give a path inside"
                        + " the run's output folder (e.g. 'model') or pass --allow-outside-out"
            })
    void should_refuse_file_names_outside_the_output_directory(String file, String message) {
        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> SaveImageStep.target(new TestContext(dir, false), file));

        // then
        assertThat(e.getMessage()).isEqualTo(message);
    }
}
