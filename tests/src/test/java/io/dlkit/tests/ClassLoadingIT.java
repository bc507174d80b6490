package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.cli.plugin.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginWrapper;

/** One TensorFlow runtime per process: plugins never carry or load their own copy (DESIGN.md 2). */
class ClassLoadingIT {
    @TempDir static Path dir;
    static Path extraPlugins;

    @BeforeAll
    static void build() throws Exception {
        extraPlugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(TemplateBuild.jar(), extraPlugins.resolve("stats-example.jar"));
        PluginJars.withId(TemplateBuild.jar(), extraPlugins.resolve("stats-copy.jar"), "stats-copy");
    }

    @Test
    void no_plugin_file_should_contain_tensorflow_javacpp_or_protobuf() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(DlkitProcess.DIST.resolve("plugins"))) {
            s.forEach(jars::add);
        }
        jars.add(TemplateJar.path());
        assertThat(jars).hasSizeGreaterThanOrEqualTo(8);
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                assertThat(f.stream().map(e -> e.getName()))
                        .as(jar.getFileName().toString())
                        .noneMatch(n -> n.startsWith("org/tensorflow") || n.startsWith("org/bytedeco")
                                || n.startsWith("com/google/protobuf") || n.startsWith("picocli/")
                                || n.startsWith("org/pf4j/") || n.startsWith("io/dlkit/api/"));
            }
        }
    }

    @Test
    void every_plugin_should_see_the_applications_tensorflow_classes() throws Exception {
        PluginHost host = new PluginHost(List.of(DlkitProcess.DIST.resolve("plugins"), extraPlugins), "0.1.0");
        host.loadAndStart();
        assertThat(host.getStartedPlugins()).hasSize(9);
        for (PluginWrapper w : host.getStartedPlugins()) {
            ClassLoader cl = w.getPluginClassLoader();
            assertThat(cl.loadClass("org.tensorflow.Graph")).as(w.getPluginId()).isSameAs(org.tensorflow.Graph.class);
            assertThat(cl.loadClass("org.bytedeco.javacpp.Pointer")).isSameAs(org.bytedeco.javacpp.Pointer.class);
            assertThat(cl.loadClass("io.dlkit.api.extension.StepProvider"))
                    .isSameAs(io.dlkit.api.extension.StepProvider.class);
            assertThat(cl.loadClass("io.dlkit.backend.runtime.GraphContext"))
                    .isSameAs(io.dlkit.backend.runtime.GraphContext.class);
        }
        // The two copies of the template are separate plugins with their own class loaders.
        assertThat(host.getPlugin("stats-copy").getPluginClassLoader())
                .isNotSameAs(host.getPlugin("stats-example").getPluginClassLoader());
    }

    /** The template jar path, built once. */
    static final class TemplateJar {
        static Path path() {
            try {
                return TemplateBuild.jar();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
