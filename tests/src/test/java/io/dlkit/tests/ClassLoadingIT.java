package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.cli.plugin.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        PluginJars.withId(
                TemplateBuild.jar(), extraPlugins.resolve("stats-copy.jar"), "stats-copy");
        Files.createDirectories(dir.resolve("graphs"));
        PluginJars.build(
                dir.resolve("graphs"),
                "sum.jar",
                Map.of(
                        "Plugin-Id",
                        "sum",
                        "Plugin-Version",
                        "1.0.0",
                        "Plugin-Requires",
                        ">=0.1.0",
                        "Plugin-Class",
                        "org.pf4j.Plugin",
                        "Plugin-Description",
                        "sums an array in a graph"),
                Map.of("test.sum.SumSteps", SUM_STEP_SOURCE),
                Map.of("META-INF/extensions.idx", "test.sum.SumSteps\n"));
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
                        .noneMatch(
                                n ->
                                        n.startsWith("org/tensorflow")
                                                || n.startsWith("org/bytedeco")
                                                || n.startsWith("com/google/protobuf")
                                                || n.startsWith("picocli/")
                                                || n.startsWith("org/pf4j/")
                                                || n.startsWith("io/dlkit/api/"));
            }
        }
    }

    @Test
    void every_plugin_should_see_the_applications_tensorflow_classes() throws Exception {
        PluginHost host =
                new PluginHost(
                        List.of(DlkitProcess.DIST.resolve("plugins"), extraPlugins), "0.1.0");
        host.loadAndStart();
        assertThat(host.getStartedPlugins()).hasSize(9);
        for (PluginWrapper w : host.getStartedPlugins()) {
            ClassLoader cl = w.getPluginClassLoader();
            assertThat(cl.loadClass("org.tensorflow.Graph"))
                    .as(w.getPluginId())
                    .isSameAs(org.tensorflow.Graph.class);
            assertThat(cl.loadClass("org.bytedeco.javacpp.Pointer"))
                    .isSameAs(org.bytedeco.javacpp.Pointer.class);
            assertThat(cl.loadClass("io.dlkit.api.extension.StepProvider"))
                    .isSameAs(io.dlkit.api.extension.StepProvider.class);
            assertThat(cl.loadClass("io.dlkit.backend.runtime.GraphContext"))
                    .isSameAs(io.dlkit.backend.runtime.GraphContext.class);
        }
        // The two copies of the template are separate plugins with their own class loaders.
        assertThat(host.getPlugin("stats-copy").getPluginClassLoader())
                .isNotSameAs(host.getPlugin("stats-example").getPluginClassLoader());
    }

    @Test
    void two_plugins_should_run_tensorflow_graphs_in_one_process(@TempDir Path tmp)
            throws Exception {
        // given a pipeline with one step from each copy of the template plugin
        Path a = tmp.resolve("a.npy");
        Path b = tmp.resolve("b.npy");
        io.dlkit.backend.io.Npy.write(a, io.dlkit.backend.io.NdArray.of(new float[] {1, 2, 3}, 3));
        io.dlkit.backend.io.Npy.write(b, io.dlkit.backend.io.NdArray.of(new float[] {10, 20}, 2));
        Path pipeline = tmp.resolve("two-plugins.yaml");
        Files.writeString(
                pipeline,
                String.join(
                        "\n",
                        "steps:",
                        "  - id: first",
                        "    uses: stats-example/tensor-stats",
                        "    with: {path: a.npy}",
                        "  - id: second",
                        "    uses: sum/sum",
                        "    with: {path: b.npy}",
                        ""));
        // when
        Files.copy(
                TemplateBuild.jar(),
                dir.resolve("graphs/stats-example.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DlkitProcess.Result r =
                DlkitProcess.run(
                        "--plugins-dir",
                        dir.resolve("graphs").toString(),
                        "--format",
                        "json",
                        "run",
                        pipeline.toString(),
                        "--out",
                        tmp.resolve("out").toString());
        // then: both plugins' graphs ran in the one dlkit process: mean of a is 2, sum of b is 30
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var results =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("results");
        assertThat(results.get("first.stats").get("mean").asDouble()).isEqualTo(2.0);
        assertThat(results.get("second.sum").get("sum").asDouble()).isEqualTo(30.0);
    }

    @Test
    void a_plugin_whose_command_name_is_taken_should_be_reported_failed() {
        DlkitProcess.Result r =
                DlkitProcess.run("--plugins-dir", extraPlugins.toString(), "plugins");
        assertThat(r.out())
                .containsPattern(
                        "(?m)^stats-example +1\\.0\\.0 +failed: its command 'tensor-stats'"
                                + " is already taken \\(by dlkit or another plugin\\); rename it ");
    }

    /** A second, independent plugin: a step that sums a .npy array in its own TensorFlow graph. */
    static final String SUM_STEP_SOURCE =
            """
            package test.sum;
            import io.dlkit.api.CommandContext;
            import io.dlkit.api.pipeline.*;
            import io.dlkit.backend.io.Npy;
            import io.dlkit.backend.runtime.GraphContext;
            import io.dlkit.backend.tensor.Tensors;
            import java.util.*;
            import org.tensorflow.Result;
            import org.tensorflow.types.TFloat32;
            @org.pf4j.Extension
            public class SumSteps implements io.dlkit.api.extension.StepProvider {
                private final CommandContext ctx;
                @jakarta.inject.Inject public SumSteps(CommandContext ctx) { this.ctx = ctx; }
                public List<StepType> stepTypes() { return List.of(new StepType() {
                    public String name() { return "sum"; }
                    public String description() { return "sum of an array"; }
                    public List<ParamSpec> params() { return List.of(ParamSpec.required("path", ParamType.PATH, "a .npy")); }
                    public List<Port> inputs() { return List.of(); }
                    public List<Port> outputs() { return List.of(Port.of("sum", ArtifactType.JSON, "the sum")); }
                    public Map<String, Object> run(StepContext c, Params p, Map<String, Object> in) throws Exception {
                        float[] v = Npy.read(p.path("path")).floats();
                        try (GraphContext g = ctx.openGraph(); TFloat32 t = Tensors.floats(v, v.length)) {
                            var x = g.tf().placeholder(TFloat32.class);
                            var s = g.tf().sum(x, g.tf().constant(0));
                            try (Result r = g.session().runner().feed(x, t).fetch(s).run()) {
                                return Map.of("sum", Map.of("sum", Tensors.toFloat(r.get(0))));
                            }
                        }
                    }
                }); }
            }
            """;

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
