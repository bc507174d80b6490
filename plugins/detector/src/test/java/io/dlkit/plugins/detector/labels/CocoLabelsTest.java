package io.dlkit.plugins.detector.labels;

import static io.dlkit.plugins.detector.labels.YoloLabelsTest.assertBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoLabelsTest {
    private static final String JSON =
            """
            {
              "info": {"year": 2017},
              "images": [
                {"id": 42, "file_name": "a.jpg", "width": 100, "height": 200},
                {"id": 7, "file_name": "b.jpg", "width": 640, "height": 480}
              ],
              "annotations": [
                {"id": 1, "image_id": 42, "category_id": 18, "bbox": [10, 20, 30, 40], "iscrowd": 0},
                {"id": 2, "image_id": 42, "category_id": 1, "bbox": [0, 0, 50, 100], "iscrowd": 1}
              ],
              "categories": [{"id": 18, "name": "dog"}, {"id": 1, "name": "person"}]
            }
            """;

    @TempDir Path dir;

    @Test
    void should_read_one_record_per_image_with_classes_sorted_by_category_id() throws Exception {
        Path f = dir.resolve("instances.json");
        Files.writeString(f, JSON);

        LabelSet set = CocoLabels.read(f);

        assertThat(set.classNames()).containsExactly("person", "dog");
        assertThat(set.categoryIds()).containsExactly(1, 18);
        assertThat(set.images()).extracting(LabeledImage::id).containsExactly(42L, 7L);
        LabeledImage a = set.images().get(0);
        assertThat(a.width()).isEqualTo(100);
        assertThat(a.objects()).hasSize(2);
        // [10, 20, 30, 40] on 100x200: (10/100, 20/200) - (40/100, 60/200)
        assertThat(a.objects().get(0).classId()).isEqualTo(1);
        assertBox(a.objects().get(0).box(), 0.1f, 0.1f, 0.4f, 0.3f);
        assertThat(a.objects().get(1).difficult()).isTrue();
        assertThat(set.images().get(1).objects()).isEmpty();
    }

    @Test
    void should_report_a_bad_bbox_at_the_line_of_its_annotation() throws Exception {
        Path f = dir.resolve("instances.json");
        Files.writeString(f, JSON.replace("[0, 0, 50, 100]", "[0, 0, 50]"));
        assertThatThrownBy(() -> CocoLabels.read(f))
                .isInstanceOf(DlkitException.class)
                .hasMessage(f + ":9: annotation bbox is not 4 numbers; write bbox as [x, y, w, h]");
    }

    @Test
    void should_report_an_annotation_of_an_unknown_image_or_category() throws Exception {
        Path f = dir.resolve("instances.json");
        Files.writeString(
                f,
                JSON.replace(
                        "\"image_id\": 42, \"category_id\": 18",
                        "\"image_id\": 5, \"category_id\": 18"));
        assertThatThrownBy(() -> CocoLabels.read(f))
                .hasMessage(
                        f
                                + ":8: annotation of image_id 5 that no image has;"
                                + " add the image to 'images' or fix image_id");
        Files.writeString(f, JSON.replace("\"category_id\": 1,", "\"category_id\": 3,"));
        assertThatThrownBy(() -> CocoLabels.read(f))
                .hasMessage(f + ":9: unknown category_id 3; use one of [1, 18]");
    }

    @Test
    void should_report_malformed_json_with_its_line() throws Exception {
        Path f = dir.resolve("instances.json");
        Files.writeString(f, JSON.replace("\"width\": 640,", "\"width\": 640"));
        assertThatThrownBy(() -> CocoLabels.read(f))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(f + ":5: malformed JSON: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_write_results_as_coco_wants_them() throws Exception {
        Path f = dir.resolve("results.json");
        CocoResults.write(
                f,
                List.of(
                        new CocoResults.Result(
                                42, 18, new BoundingBox(10, 20, 40.5f, 60), 0.875f)));
        assertThat(Files.readString(f))
                .isEqualTo(
                        "[{\"image_id\":42,\"category_id\":18,\"bbox\":[10.0,20.0,30.5,40.0],"
                                + "\"score\":0.875}]");
    }
}
