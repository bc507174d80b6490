package io.dlkit.plugins.embeddings.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.Embeddings;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embeddings steps as a pipeline runs them, on a two-topic corpus written by the test. */
class EmbeddingsStepsTest {
    @TempDir Path dir;
    private final List<String> progress = new ArrayList<>();

    private Path corpus() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        String[][] topics = {
            {"king", "queen", "prince", "crown", "throne", "royal"},
            {"apple", "pear", "plum", "fruit", "juice", "tree"}
        };
        for (int line = 0; line < 1000; line++) {
            for (int w = 0; w < 10; w++) {
                text.append(topics[line % 2][random.nextInt(6)]).append(' ');
            }
            text.append('\n');
        }
        return Files.writeString(dir.resolve("corpus.txt"), text);
    }

    /** The step's defaults with {@code values} on top, as the pipeline runner fills them in. */
    private static Params params(StepType step, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>();
        for (ParamSpec p : step.params()) {
            all.put(p.name(), p.defaultValue());
        }
        all.putAll(values);
        return new Params(all);
    }

    @Test
    void should_train_a_vectors_file_whose_neighbours_share_the_topic() throws Exception {
        TrainStep train = new TrainStep();
        Map<String, Object> trained =
                train.run(
                        context(),
                        params(
                                train,
                                Map.of(
                                        "text",
                                        corpus(),
                                        "dim",
                                        16,
                                        "window",
                                        3,
                                        "iter",
                                        3,
                                        "sample",
                                        0.0,
                                        "min_count",
                                        1,
                                        "file",
                                        "v.bin")),
                        Map.of());

        assertThat(trained.get("file")).isEqualTo(dir.resolve("v.bin"));
        assertThat(dir.resolve("v.bin")).isNotEmptyFile();
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) trained.get("summary");
        assertThat(summary).containsEntry("corpus_words", 10_000).containsEntry("vocabulary", 12);
        assertThat(progress).last().asString().startsWith("100.0%");

        NeighborsStep near = new NeighborsStep();
        Map<String, Object> out =
                near.run(
                        context(),
                        params(near, Map.of("words", List.of("king", "apple"), "k", 4)),
                        Map.of("file", trained.get("file")));
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> json =
                (Map<String, List<Map<String, Object>>>) out.get("neighbors");
        assertThat(json.get("king"))
                .extracting(m -> (String) m.get("word"))
                .allMatch(w -> List.of("queen", "prince", "crown", "throne", "royal").contains(w));
        assertThat(json.get("apple"))
                .extracting(m -> (String) m.get("word"))
                .allMatch(w -> List.of("pear", "plum", "fruit", "juice", "tree").contains(w));
        assertThat(((String) out.get("text")).lines())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("king: ");
    }

    @Test
    void should_answer_an_analogy_from_an_embeddings_artifact() {
        // b - a + c for "x y z": (0,1) - (1,0) + (1,0.1) = (0,1.1), nearest w = (0,1) (y excluded)
        Embeddings e =
                Embeddings.of(
                        List.of("x", "y", "z", "w", "v"),
                        new float[][] {{1, 0}, {0, 1}, {1, 0.1f}, {0.05f, 1}, {-1, 0}});
        AnalogyStep analogy = new AnalogyStep();

        Map<String, Object> out =
                analogy.run(
                        context(),
                        params(analogy, Map.of("questions", List.of("x y z"), "k", 1)),
                        Map.of("vectors", e));

        assertThat(out.get("text")).isEqualTo("x y z: w 0.999");
    }

    @Test
    void should_ask_for_exactly_one_source_of_vectors() {
        NeighborsStep near = new NeighborsStep();
        Params p = params(near, Map.of("words", List.of("x")));

        assertThatThrownBy(() -> near.run(context(), p, Map.of()))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "neighbors: give exactly one of inputs.vectors, inputs.file and"
                                + " with.vectors_file (got 0)");
    }

    private StepContext context() {
        return new StepContext() {
            @Override
            public String stepId() {
                return "step";
            }

            @Override
            public RunSettings settings() {
                return new RunSettings("cpu", 1, 42, "table", true, false, false, dir);
            }

            @Override
            public Path outputDir() {
                return dir;
            }

            @Override
            public OutputWriter writer() {
                return new OutputWriter() {
                    @Override
                    public Path write(Path target, Content content) {
                        try (var stream = Files.newOutputStream(target)) {
                            content.writeTo(stream);
                            return target;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void checkWritable(Path target) {}
                };
            }

            @Override
            public void progress(long done, long total, String message) {
                progress.add(message);
            }

            @Override
            public void recordOutput(Path file) {}
        };
    }
}
