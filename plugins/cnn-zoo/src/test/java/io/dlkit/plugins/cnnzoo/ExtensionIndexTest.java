package io.dlkit.plugins.cnnzoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.ArchitectureProvider;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.cnnzoo.classify.ClassifyCommand;
import io.dlkit.plugins.cnnzoo.classify.ClassifyStepProvider;
import io.dlkit.plugins.cnnzoo.command.ZooCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/** PF4J finds extensions through the index its annotation processor writes at compile time. */
class ExtensionIndexTest {
    @Test
    void should_list_the_architectures_and_the_zoo_command_in_the_plugins_extension_index()
            throws Exception {
        // given: the plugin's own classes folder, not an index from another jar on the path
        Path classes =
                Path.of(
                        CnnZooPlugin.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        // when
        List<String> index =
                Files.readAllLines(classes.resolve("META-INF/extensions.idx")).stream()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
        // then
        assertThat(index)
                .containsExactlyInAnyOrder(
                        ZooArchitectures.class.getName(),
                        ZooCommand.class.getName(),
                        ClassifyCommand.class.getName(),
                        io.dlkit.plugins.cnnzoo.classify.ClassifyBatchTask.class.getName(),
                        ClassifyStepProvider.class.getName());
    }

    @Test
    void should_create_each_extension_with_its_public_no_arg_constructor() throws Exception {
        for (Class<?> type : List.of(ZooArchitectures.class, ZooCommand.class)) {
            assertThat(type.isAnnotationPresent(Extension.class)).as(type.getName()).isTrue();
            assertThat(type.getConstructor().newInstance()).isNotNull();
        }
        assertThat(ArchitectureProvider.class).isAssignableFrom(ZooArchitectures.class);
        assertThat(CommandProvider.class).isAssignableFrom(ZooCommand.class);
    }
}
