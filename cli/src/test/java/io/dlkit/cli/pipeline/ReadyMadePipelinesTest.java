package io.dlkit.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code pipelines/} that uses only the core's step types validates as shipped.
 * (Pipelines that use plugin steps are validated and run by the end-to-end tests, with plugins.)
 */
class ReadyMadePipelinesTest {
    static Stream<Path> pipelines() throws IOException {
        try (Stream<Path> files = Files.list(Pipelines.repositoryRoot().resolve("pipelines"))) {
            return files
                    .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pipelines")
    void should_validate_as_shipped(Path file) throws IOException {
        // given
        String text = Files.readString(file);
        List<String> plugins =
                Stream.of("uses: ", "\"uses\": \"")
                        .flatMap(
                                key ->
                                        text.lines()
                                                .filter(
                                                        l ->
                                                                l.strip().startsWith(key)
                                                                        || l.strip()
                                                                                .startsWith(
                                                                                        "- "
                                                                                                + key)))
                        .filter(l -> !l.contains("image/"))
                        .toList();
        assumeTrue(plugins.isEmpty(), file + " uses plugin steps; the end-to-end tests check it");

        // when
        Validation validation =
                new PipelineValidator(Pipelines.registry()).validate(PipelineLoader.load(file));

        // then
        assertThat(validation.problems()).extracting(Problem::format).isEmpty();
    }
}
