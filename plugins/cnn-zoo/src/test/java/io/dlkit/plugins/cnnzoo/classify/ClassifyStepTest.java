package io.dlkit.plugins.cnnzoo.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
import io.dlkit.testkit.FakeModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyStepTest {
    @TempDir Path dir;

    private final FakeModelStore store =
            new FakeModelStore(
                    new long[] {1, 1, 1},
                    2,
                    List.of("dark", "light"),
                    x -> new float[] {1 - x[0], x[0]});
    private final StepType step = new ClassifyStepProvider(store).stepTypes().get(0);

    @Test
    void should_declare_its_parameters_and_ports() {
        assertThat(step.name()).isEqualTo("classify");
        assertThat(step.params())
                .extracting(ParamSpec::name)
                .containsExactly("model", "images", "top_k");
        assertThat(step.inputs())
                .extracting(Port::name, Port::required)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image", false));
        assertThat(step.outputs())
                .extracting(Port::name, Port::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("predictions", ArtifactType.JSON));
    }

    @Test
    void should_classify_the_files_then_the_wired_image() throws Exception {
        // given: a light file (204 / 255 = 0.8) and a dark in-memory image (0.1)
        Path light = ClassifyCommandTest.grey(dir.resolve("l.png"), 3, 3, 204);
        Image dark = new Image(new float[] {0.1f, 0.1f, 0.1f, 0.1f}, 2, 2, 1);
        List<String> progress = new ArrayList<>();

        // when
        Map<String, Object> out =
                step.run(
                        context(progress),
                        params(Map.of("model", dir, "images", light, "top_k", 1)),
                        Map.of("image", dark));

        // then
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> predictions = (List<Map<String, Object>>) out.get("predictions");
        assertThat(predictions)
                .extracting(p -> p.get("image"))
                .containsExactly(light.toString(), "inputs.image");
        assertThat(predictions.get(0).get("top").toString())
                .isEqualTo("[{class=light, id=1, probability=0.8}]");
        assertThat(predictions.get(1).get("top").toString())
                .isEqualTo("[{class=dark, id=0, probability=0.9}]");
        assertThat(progress).containsExactly("1/2 image 1", "2/2 image 2");
        assertThat(store.closed()).isTrue();
    }

    @Test
    void should_say_what_to_give_when_there_is_nothing_to_classify() {
        assertThatThrownBy(
                        () ->
                                step.run(
                                        context(new ArrayList<>()),
                                        params(Map.of("model", dir, "top_k", 5)),
                                        Map.of()))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "classify: nothing to classify; set with.images to an image file or"
                                + " folder, or wire inputs.image to an image");
    }

    private static Params params(Map<String, Object> values) {
        return new Params(new HashMap<>(values));
    }

    private StepContext context(List<String> progress) {
        return new StepContext() {
            @Override
            public String stepId() {
                return "classify";
            }

            @Override
            public RunSettings settings() {
                return RunSettings.defaults();
            }

            @Override
            public Path outputDir() {
                return dir;
            }

            @Override
            public OutputWriter writer() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void progress(long done, long total, String message) {
                progress.add(done + "/" + total + " " + message);
            }

            @Override
            public void recordOutput(Path file) {}
        };
    }
}
