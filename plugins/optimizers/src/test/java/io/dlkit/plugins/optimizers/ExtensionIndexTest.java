package io.dlkit.plugins.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.OptimizerProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pf4j.Extension;

/** PF4J finds extensions through the index its annotation processor writes at compile time. */
class ExtensionIndexTest {
    private static final List<Class<? extends OptimizerProvider>> PROVIDERS =
            List.of(
                    GradientDescentProvider.class,
                    MomentumProvider.class,
                    RmsPropProvider.class,
                    AdamProvider.class);

    @Test
    void should_list_all_four_providers_in_the_plugins_extension_index() throws Exception {
        // given: the plugin's own classes folder, not an index from another jar on the path
        Path classes =
                Path.of(
                        OptimizersPlugin.class
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
                .containsExactlyInAnyOrderElementsOf(
                        PROVIDERS.stream().map(Class::getName).toList());
    }

    @Test
    void should_create_each_provider_with_its_public_no_arg_constructor() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (Class<? extends OptimizerProvider> type : PROVIDERS) {
            assertThat(type.isAnnotationPresent(Extension.class)).as(type.getName()).isTrue();
            names.add(type.getConstructor().newInstance().name());
        }
        assertThat(names).containsExactly("gd", "momentum", "rmsprop", "adam");
    }
}
