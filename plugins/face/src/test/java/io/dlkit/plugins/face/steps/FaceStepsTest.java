package io.dlkit.plugins.face.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.detect.FaceBox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaceStepsTest {
    private final List<StepType> steps = new FaceStepProvider(null).stepTypes();

    private StepType step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void should_chain_detect_landmarks_embed_identify_through_faces_and_give_typed_outputs() {
        assertThat(steps)
                .extracting(StepType::name)
                .containsExactly("detect", "landmarks", "embed", "identify", "train", "eval");
        assertThat(step("detect").outputs())
                .extracting(Port::type)
                .containsExactly(FacePhoto.FACES, ArtifactType.BOXES);
        assertThat(step("landmarks").outputs())
                .extracting(Port::type)
                .containsExactly(FacePhoto.FACES, ArtifactType.POINTS);
        assertThat(step("embed").outputs())
                .extracting(Port::type)
                .containsExactly(FacePhoto.FACES, ArtifactType.EMBEDDINGS);
        assertThat(step("identify").inputs())
                .extracting(Port::type)
                .containsExactly(FacePhoto.FACES);
        assertThat(step("identify").outputs())
                .extracting(Port::type)
                .containsExactly(ArtifactType.BOXES, ArtifactType.JSON);
    }

    @Test
    void should_refuse_to_embed_faces_without_landmarks_naming_the_missing_step() {
        FaceImage image = new FaceImage(new float[3 * 4 * 4], 4, 4);
        FacePhoto photo =
                new FacePhoto(
                        "a.jpg",
                        image,
                        List.of(new FaceBox(0, 0, 2, 2, 0.9)),
                        List.of(),
                        List.of());

        assertThatThrownBy(
                        () ->
                                step("embed")
                                        .run(
                                                new NoContext(),
                                                new Params(Map.of()),
                                                Map.of("faces", List.of(photo))))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "face/embed: the faces have no landmarks; put face/landmarks before it");
    }

    @Test
    void should_name_written_copies_after_the_photo_without_folder_or_extension() {
        FacePhoto photo =
                new FacePhoto(
                        "party/2026/beach.day.jpg",
                        new FaceImage(new float[3], 1, 1),
                        List.of(),
                        List.of(),
                        List.of());

        assertThat(photo.stem()).isEqualTo("beach.day");
    }

    /** A context for steps that must fail before they touch it. */
    private static final class NoContext implements StepContext {
        @Override
        public String stepId() {
            return "embed";
        }

        @Override
        public RunSettings settings() {
            throw new AssertionError("not expected");
        }

        @Override
        public Path outputDir() {
            throw new AssertionError("not expected");
        }

        @Override
        public OutputWriter writer() {
            throw new AssertionError("not expected");
        }

        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public void recordOutput(Path file) {}
    }
}
