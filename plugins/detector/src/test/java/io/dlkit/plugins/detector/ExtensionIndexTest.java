package io.dlkit.plugins.detector;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.detector.command.DetectCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PF4J finds extensions through the index its annotation processor writes at compile time. */
class ExtensionIndexTest {
    @Test
    void should_list_the_detect_command_in_the_plugins_extension_index() throws Exception {
        Path classes =
                Path.of(
                        DetectorPlugin.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        List<String> index =
                Files.readAllLines(classes.resolve("META-INF/extensions.idx")).stream()
                        .map(String::trim)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
        assertThat(index).containsExactly(DetectCommand.class.getName());
    }
}
