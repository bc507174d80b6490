package io.dlkit.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Point;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArtifactJsonTest {
    @Test
    void should_show_points_with_a_null_label_when_empty() {
        // given
        List<Point> points = List.of(new Point(31.5f, 40f, "left_eye"), new Point(1f, 2f, ""));

        // when
        Object json = ArtifactJson.of(ArtifactType.POINTS, points).orElseThrow();

        // then
        Map<String, Object> unlabelled = new LinkedHashMap<>();
        unlabelled.put("x", 1f);
        unlabelled.put("y", 2f);
        unlabelled.put("label", null);
        assertThat(json)
                .isEqualTo(List.of(Map.of("x", 31.5f, "y", 40f, "label", "left_eye"), unlabelled));
    }

    @Test
    void should_show_embeddings_with_their_ids_and_dimension() {
        // given
        Embeddings e =
                Embeddings.of(List.of("anna", "ben"), new float[][] {{0.5f, -1f}, {2f, 0.25f}});

        // when
        Object json = ArtifactJson.of(ArtifactType.EMBEDDINGS, e).orElseThrow();

        // then
        assertThat(json)
                .isEqualTo(
                        Map.of(
                                "dimension",
                                2,
                                "count",
                                2,
                                "items",
                                List.of(
                                        Map.of("id", "anna", "vector", List.of(0.5f, -1f)),
                                        Map.of("id", "ben", "vector", List.of(2f, 0.25f)))));
    }

    @Test
    void should_write_the_detections_document_with_nulls_for_what_is_unknown() {
        // given
        List<Box> boxes =
                List.of(
                        new Box(10, 20, 110, 220, "cat", 0.93f, 16),
                        new Box(0, 0, 5, 5, "", Float.NaN));

        // when
        Map<String, Object> doc = ArtifactJson.detections(boxes, 640, 480);

        // then
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("class_id", null);
        unknown.put("class", null);
        unknown.put("score", null);
        unknown.put("box", Map.of("x1", 0f, "y1", 0f, "x2", 5f, "y2", 5f));
        assertThat(doc)
                .containsExactly(
                        Map.entry("width", 640),
                        Map.entry("height", 480),
                        Map.entry(
                                "detections",
                                List.of(
                                        Map.of(
                                                "class_id",
                                                16,
                                                "class",
                                                "cat",
                                                "score",
                                                0.93f,
                                                "box",
                                                Map.of(
                                                        "x1", 10f, "y1", 20f, "x2", 110f, "y2",
                                                        220f)),
                                        unknown)));
    }

    @Test
    void should_give_text_as_itself_and_nothing_for_images_or_files() {
        assertThat(ArtifactJson.of(ArtifactType.TEXT, "a cat")).contains("a cat");
        assertThat(ArtifactJson.of(ArtifactType.FILE, java.nio.file.Path.of("a.png"))).isEmpty();
        assertThat(ArtifactJson.of(new ArtifactType("face/crops"), List.of())).isEmpty();
    }

    @Test
    void should_say_which_type_a_wrongly_typed_output_breaks() {
        assertThatThrownBy(() -> ArtifactJson.of(ArtifactType.EMBEDDINGS, "not embeddings"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "an output of type embeddings holds a java.lang.String that is not what"
                                + " ArtifactType.EMBEDDINGS documents");
    }

    @Test
    void should_keep_embeddings_immutable_and_reject_ragged_or_repeated_input() {
        // given
        float[][] vectors = {{1f, 2f, 3f}};
        Embeddings e = Embeddings.of(List.of("w"), vectors);

        // when
        vectors[0][0] = 99f;
        e.vector(0)[1] = 99f;

        // then
        assertThat(e.vector("w")).containsExactly(1f, 2f, 3f);
        assertThat(e).hasToString("Embeddings[1 x 3]");
        assertThatThrownBy(() -> Embeddings.of(List.of("a", "b"), new float[][] {{1f}, {1f, 2f}}))
                .hasMessage(
                        "vector 1 has 2 values but vector 0 has 1; all embeddings need the same"
                                + " dimension");
        assertThatThrownBy(() -> Embeddings.of(List.of("a", "a"), new float[][] {{1f}, {2f}}))
                .hasMessage("embedding id 'a' appears twice");
        assertThatThrownBy(() -> Embeddings.ofFlat(List.of("a"), 2, new float[] {1f, Float.NaN}))
                .hasMessage("embedding of 'a' holds NaN at index 1; every value must be finite");
    }
}
