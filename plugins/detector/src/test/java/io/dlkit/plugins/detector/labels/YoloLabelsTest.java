package io.dlkit.plugins.detector.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YoloLabelsTest {
    @TempDir Path dir;

    @Test
    void should_read_centre_boxes_as_corner_fractions() throws Exception {
        Path f = dir.resolve("img1.txt");
        Files.writeString(f, "0 0.5 0.5 0.2 0.4\n\n  2 0.25 0.75 0.5 0.5  \n");

        List<LabeledBox> boxes = YoloLabels.read(f, 3);

        assertThat(boxes).hasSize(2);
        assertThat(boxes.get(0).classId()).isZero();
        assertBox(boxes.get(0).box(), 0.4f, 0.3f, 0.6f, 0.7f);
        assertThat(boxes.get(1).classId()).isEqualTo(2);
        assertBox(boxes.get(1).box(), 0f, 0.5f, 0.5f, 1f);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0.5 0.5 0.2|expected 5 fields 'class cx cy w h', got 4",
                "x 0.5 0.5 0.2 0.2|class 'x' is not a whole number",
                "0 0.5 0.5 0.2 abc|h 'abc' is not a number",
                "0 120 80 30 40|cx 120 is outside [0, 1]",
                "0 0.5 0.5 0 0.2|box size 0 x 0.2 is empty",
            })
    void should_report_a_bad_label_by_file_and_line(String bad, String what) throws Exception {
        Path f = dir.resolve("img.txt");
        Files.writeString(f, "1 0.5 0.5 0.1 0.1\n" + bad + "\n");
        assertThatThrownBy(() -> YoloLabels.read(f, 3))
                .isInstanceOfSatisfying(
                        DlkitException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(f + ":2: " + what + "; ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_reject_a_class_beyond_the_class_list() throws Exception {
        Path f = dir.resolve("img.txt");
        Files.writeString(f, "3 0.5 0.5 0.1 0.1\n");
        assertThatThrownBy(() -> YoloLabels.read(f, 3))
                .hasMessage(
                        f + ":1: class 3 is out of range 0..2; use a class index of classes.txt");
    }

    @Test
    void should_write_what_it_reads_back() throws Exception {
        List<LabeledBox> boxes =
                List.of(
                        new LabeledBox(1, BoundingBox.fromCenter(0.5f, 0.25f, 0.5f, 0.125f)),
                        new LabeledBox(0, new BoundingBox(0.1f, 0.2f, 0.3f, 0.9f)));
        Path f = dir.resolve("out.txt");

        YoloLabels.write(f, boxes);

        assertThat(Files.readAllLines(f))
                .containsExactly(
                        "1 0.500000 0.250000 0.500000 0.125000",
                        "0 0.200000 0.550000 0.200000 0.700000");
        List<LabeledBox> back = YoloLabels.read(f, 2);
        for (int i = 0; i < 2; i++) {
            assertThat(back.get(i).classId()).isEqualTo(boxes.get(i).classId());
            assertThat(back.get(i).box().iou(boxes.get(i).box())).isCloseTo(1, within(1e-5));
        }
    }

    @Test
    void should_read_a_folder_with_its_class_names_one_record_per_image() throws Exception {
        Files.writeString(dir.resolve(YoloLabels.CLASSES_FILE), "circle\nsquare\n");
        Files.writeString(dir.resolve("b.txt"), "1 0.5 0.5 0.1 0.1\n0 0.2 0.2 0.1 0.1\n");
        Files.writeString(dir.resolve("a.txt"), "");

        LabelSet set = YoloLabels.readFolder(dir, List.of());

        assertThat(set.classNames()).containsExactly("circle", "square");
        assertThat(set.images()).extracting(LabeledImage::image).containsExactly("a", "b");
        assertThat(set.images().get(1).objects())
                .extracting(LabeledBox::classId)
                .containsExactly(1, 0);
    }

    static void assertBox(BoundingBox b, float x1, float y1, float x2, float y2) {
        assertThat(b.x1()).isCloseTo(x1, within(1e-6f));
        assertThat(b.y1()).isCloseTo(y1, within(1e-6f));
        assertThat(b.x2()).isCloseTo(x2, within(1e-6f));
        assertThat(b.y2()).isCloseTo(y2, within(1e-6f));
    }
}
