package io.dlkit.cli.pipeline;

import static io.dlkit.cli.pipeline.Pipelines.registry;
import static io.dlkit.cli.pipeline.Pipelines.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.RunSettings;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.Embeddings;
import io.dlkit.api.pipeline.Port;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Point;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.cli.output.AtomicOutputWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** The new artifact types in a run's results, and {@code StepContext.openGraph()} in a run. */
class StepArtifactsTest {
    @TempDir Path dir;
    private final StringWriter progress = new StringWriter();

    private RunResult run(FakeStep step, RunSettings settings) {
        Path file = write(dir, "p.yaml", "steps:\n  - id: s\n    uses: " + step.name() + "\n");
        Plan plan =
                new PipelineValidator(registry(step))
                        .validate(PipelineLoader.load(file))
                        .planOrThrow();
        return new PipelineRunner(new PrintWriter(progress, true))
                .run(
                        plan,
                        new RunRequest(
                                dir.resolve("out"),
                                settings,
                                new AtomicOutputWriter(() -> false),
                                "9.9.9-test",
                                () -> null));
    }

    @Test
    void should_put_points_embeddings_text_and_boxes_outputs_in_the_results_and_manifest()
            throws IOException {
        // given
        FakeStep step =
                new FakeStep(
                                "test/all",
                                List.of(),
                                List.of(),
                                List.of(
                                        Port.of("points", ArtifactType.POINTS, "landmarks"),
                                        Port.of("vectors", ArtifactType.EMBEDDINGS, "vectors"),
                                        Port.of("caption", ArtifactType.TEXT, "text"),
                                        Port.of("boxes", ArtifactType.BOXES, "boxes"),
                                        Port.of("picture", ArtifactType.IMAGE, "not shown")))
                        .body(
                                (context, params, inputs) -> {
                                    Map<String, Object> out = new LinkedHashMap<>();
                                    out.put("points", List.of(new Point(3f, 4.5f, "nose")));
                                    out.put(
                                            "vectors",
                                            Embeddings.of(
                                                    List.of("a"), new float[][] {{1f, -0.5f}}));
                                    out.put("caption", "a cat on a sofa");
                                    out.put("boxes", List.of(new Box(1, 2, 3, 4, "cat", 0.5f, 15)));
                                    out.put("picture", "an image");
                                    return out;
                                });

        // when
        RunResult result = run(step, RunSettings.defaults());

        // then
        JsonNode results = new ObjectMapper().readTree(result.manifest().toFile()).get("results");
        assertThat(results.toString())
                .isEqualTo(
                        "{\"s.points\":[{\"x\":3.0,\"y\":4.5,\"label\":\"nose\"}],"
                                + "\"s.vectors\":{\"dimension\":2,\"count\":1,"
                                + "\"items\":[{\"id\":\"a\",\"vector\":[1.0,-0.5]}]},"
                                + "\"s.caption\":\"a cat on a sofa\","
                                + "\"s.boxes\":[{\"class_id\":15,\"class\":\"cat\",\"score\":0.5,"
                                + "\"box\":{\"x1\":1.0,\"y1\":2.0,\"x2\":3.0,\"y2\":4.0}}]}");
        assertThat(result.results())
                .containsOnlyKeys("s.points", "s.vectors", "s.caption", "s.boxes");
    }

    @Test
    void should_open_a_graph_with_the_run_settings_and_show_its_header() {
        // given: a step that adds 2 + 3 in its own graph
        float[] sum = new float[1];
        long[] seed = new long[1];
        FakeStep step =
                new FakeStep("test/tf", List.of(), List.of(), List.of())
                        .body(
                                (context, params, inputs) -> {
                                    try (GraphContext g = context.openGraph();
                                            Result r =
                                                    g.session()
                                                            .runner()
                                                            .fetch(
                                                                    g.tf().math
                                                                            .add(
                                                                                    g.tf().constant(
                                                                                                    2f),
                                                                                    g.tf().constant(
                                                                                                    3f)))
                                                            .run()) {
                                        sum[0] = ((TFloat32) r.get(0)).getFloat();
                                        seed[0] = g.seed();
                                    }
                                    return Map.of();
                                });
        RunSettings settings = new RunSettings("cpu", 1, 7L, "table", false, false, false, dir);

        // when
        run(step, settings);

        // then
        assertThat(sum[0]).isEqualTo(5f);
        assertThat(seed[0]).isEqualTo(7L);
        assertThat(progress.toString())
                .containsPattern(
                        "    device: CPU:0 \\| TensorFlow 2\\.18\\.0 \\| threads 1 \\| seed 7");
    }
}
