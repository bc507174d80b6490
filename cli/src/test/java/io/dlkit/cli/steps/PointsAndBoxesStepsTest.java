package io.dlkit.cli.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.Params;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Point;
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

class PointsAndBoxesStepsTest {
    @TempDir Path dir;

    private static Params params(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Params(map);
    }

    private static Image black(int height, int width) {
        return new Image(new float[height * width * 3], height, width, 3);
    }

    private static float[] rgb(Image img, int y, int x) {
        return new float[] {img.get(y, x, 0), img.get(y, x, 1), img.get(y, x, 2)};
    }

    @Test
    void should_draw_points_from_a_file_and_an_input_with_the_radius_and_colour_given()
            throws IOException {
        // given: one point from a file, one from another step, radius 3 in red
        Path file = Files.writeString(dir.resolve("p.json"), "[{\"x\": 10.5, \"y\": 10.5}]");
        List<Point> wired = List.of(new Point(30.5f, 20.5f, ""));

        // when
        Image out =
                (Image)
                        new DrawPointsStep()
                                .run(
                                        new TestContext(dir, false),
                                        params("points", file, "radius", 3.0, "color", "#FF0000"),
                                        Map.of("image", black(40, 40), "points", wired))
                                .get("image");

        // then: the centres are red; 5 pixels away (beyond the radius of 3) stays black
        assertThat(rgb(out, 10, 10)).containsExactly(1f, 0f, 0f);
        assertThat(rgb(out, 20, 30)).containsExactly(1f, 0f, 0f);
        assertThat(rgb(out, 10, 15)).containsExactly(0f, 0f, 0f);
        assertThat(rgb(out, 15, 10)).containsExactly(0f, 0f, 0f);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "radius | 0.0    | radius must be above 0 and at most 1000 pixels, got 0.0",
                "color  | purpl  | color 'purpl' is not a colour; give #RRGGBB (e.g. #FF7F0E) or one of"
                        + " red, green, blue, yellow, cyan, magenta, orange, white, black"
            })
    void should_explain_a_bad_radius_or_colour(String key, String value, String message) {
        // given
        Object typed = key.equals("radius") ? (Object) Double.valueOf(value) : value;

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new DrawPointsStep()
                                        .run(
                                                new TestContext(dir, false),
                                                params(key, typed),
                                                Map.of(
                                                        "image",
                                                        black(4, 4),
                                                        "points",
                                                        List.of(new Point(1, 1, "")))));

        // then
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void should_read_points_and_explain_a_bad_one() throws IOException {
        // given
        Path good =
                Files.writeString(
                        dir.resolve("good.json"),
                        "[{\"x\": 1, \"y\": 2.5, \"label\": \"nose\"}, {\"x\": 0, \"y\": 0, \"label\": null}]");
        Path bad = Files.writeString(dir.resolve("bad.json"), "[{\"x\": 1, \"yy\": 2}]");

        // when
        List<Point> points = PointsFile.read(good);
        DlkitException e = catchThrowableOfType(DlkitException.class, () -> PointsFile.read(bad));

        // then
        assertThat(points).containsExactly(new Point(1, 2.5f, "nose"), new Point(0, 0, ""));
        assertThat(e.getMessage())
                .isEqualTo(
                        bad
                                + ": point [0]: unknown key 'yy'; did you mean 'y'? (known: x, y,"
                                + " label)");
    }

    @Test
    void should_save_boxes_as_a_detections_document_that_loads_back() throws IOException {
        // given
        TestContext context = new TestContext(dir, false);
        List<Box> boxes =
                List.of(
                        new Box(10, 20, 110, 220, "cat", 0.875f, 15),
                        new Box(0, 0, 4, 4, "", Float.NaN));

        // when
        Map<String, Object> out =
                new SaveBoxesStep()
                        .run(
                                context,
                                params("file", "cat-boxes.json"),
                                Map.of("boxes", boxes, "image", black(300, 400)));

        // then
        Path file = dir.resolve("cat-boxes.json");
        assertThat(out).containsEntry("file", file);
        assertThat(context.recorded).containsExactly(file);
        assertThat(Files.readString(file).replaceAll("\\s", ""))
                .isEqualTo(
                        "{\"width\":400,\"height\":300,\"detections\":["
                                + "{\"class_id\":15,\"class\":\"cat\",\"score\":0.875,"
                                + "\"box\":{\"x1\":10.0,\"y1\":20.0,\"x2\":110.0,\"y2\":220.0}},"
                                + "{\"class_id\":null,\"class\":null,\"score\":null,"
                                + "\"box\":{\"x1\":0.0,\"y1\":0.0,\"x2\":4.0,\"y2\":4.0}}]}");
        Object loaded =
                new LoadBoxesStep().run(context, params("path", file), Map.of()).get("boxes");
        assertThat(loaded).isEqualTo(boxes);
    }

    @Test
    void should_not_replace_a_boxes_file_without_overwrite_nor_write_outside() throws IOException {
        // given
        Path existing = Files.writeString(dir.resolve("b.json"), "mine");
        Map<String, Object> inputs = Map.of("boxes", List.of(), "image", black(2, 2));

        // when
        DlkitException exists =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new SaveBoxesStep()
                                        .run(
                                                new TestContext(dir, false),
                                                params("file", "b.json"),
                                                inputs));
        DlkitException extension =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                new SaveBoxesStep()
                                        .run(
                                                new TestContext(dir, true),
                                                params("file", "b.txt"),
                                                inputs));

        // then
        assertThat(exists.getMessage())
                .isEqualTo(
                        existing
                                + " already exists; pass --overwrite to replace it or choose another path");
        assertThat(existing).hasContent("mine");
        assertThat(extension.getMessage()).isEqualTo("file \"b.txt\" must end in .json");
    }

    @Test
    void should_explain_a_detection_without_its_box() throws IOException {
        // given
        Path file =
                Files.writeString(
                        dir.resolve("d.json"),
                        "{\"width\": 4, \"height\": 4, \"detections\": [{\"class\": \"cat\"}]}");

        // when
        DlkitException e = catchThrowableOfType(DlkitException.class, () -> BoxesFile.read(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        file
                                + ": detections [0]: missing \"box\""
                                + " ({\"x1\":..,\"y1\":..,\"x2\":..,\"y2\":..})");
    }
}
