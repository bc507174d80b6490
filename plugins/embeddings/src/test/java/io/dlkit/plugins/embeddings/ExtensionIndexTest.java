package io.dlkit.plugins.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.embeddings.command.EmbedCommand;
import io.dlkit.plugins.embeddings.nlm.NlmLayerTypes;
import io.dlkit.plugins.embeddings.pipeline.EmbeddingsStepProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/** PF4J finds extensions through the index its annotation processor writes at compile time. */
class ExtensionIndexTest {
    @Test
    void should_list_the_embed_command_in_the_plugins_extension_index() throws Exception {
        Path classes =
                Path.of(
                        EmbeddingsPlugin.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());

        List<String> index =
                Files.readAllLines(classes.resolve("META-INF/extensions.idx")).stream()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();

        assertThat(index)
                .containsExactlyInAnyOrder(
                        EmbedCommand.class.getName(),
                        io.dlkit.plugins.embeddings.command.EmbedBatchTask.class.getName(),
                        EmbeddingsStepProvider.class.getName(),
                        NlmLayerTypes.class.getName());
        assertThat(EmbedCommand.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(CommandProvider.class).isAssignableFrom(EmbedCommand.class);
        assertThat(EmbedCommand.class.getConstructor().newInstance().command())
                .isInstanceOf(EmbedCommand.class);
        assertThat(EmbeddingsStepProvider.class.isAnnotationPresent(Extension.class)).isTrue();
        assertThat(new EmbeddingsStepProvider().stepTypes())
                .extracting(s -> s.name())
                .containsExactly("train", "neighbors", "analogy");
    }
}
