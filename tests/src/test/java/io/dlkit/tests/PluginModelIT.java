package io.dlkit.tests;

import static io.dlkit.tests.Words.args;
import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party author's path, end to end: samples/plugin-template, built against the installed
 * plugin API and loaded by the real plugin manager, contributes a layer type ({@code swish}) and a
 * training objective ({@code focal}, with the extra metric {@code bce}); a model file uses both,
 * and the core commands handle them like built-ins: summary, train, resume after SIGKILL (bit for
 * bit), eval, export.
 */
class PluginModelIT {
    private static final String DATA =
            DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();
    private static final String VARIABLES = "checkpoint/variables.data-00000-of-00001";
    private static final int EPOCHS = 40;

    @TempDir static Path dir;
    static Path plugins;
    static Path model;

    @BeforeAll
    static void build() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(TemplateBuild.jar(), plugins.resolve("stats-example.jar"));
        model = dir.resolve("swish.yaml");
        Files.writeString(
                model,
                """
                input_shape: [2]
                layers:
                  - {type: dense, units: 8, activation: linear}
                  - {type: swish, beta: 1.5}
                  - {type: dense, units: 1, activation: sigmoid}
                """);
    }

    @Test
    void should_list_the_plugin_layer_in_summary_with_its_parameter_and_flops() {
        Result r =
                DlkitProcess.run("--plugins-dir", plugins.toString(), "summary", model.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // 8 inputs: one parameter (beta), 3 FLOPs per element
        assertThat(r.out()).containsPattern("swish_1 \\(swish\\) +\\(None, 8\\) +1 +24");
        assertThat(r.out()).contains("Total params: 34");
    }

    @Test
    void should_train_on_the_plugin_loss_resume_a_killed_run_exactly_and_export(@TempDir Path tmp)
            throws Exception {
        // given: an uninterrupted run, and the same run killed at a mid-epoch checkpoint
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        ResumeAfterKillIT.trainWholeAndKilledMidEpoch(PluginModelIT::train, whole, killed);
        // when
        Result resumed =
                DlkitProcess.run(
                        args(
                                "--threads 1 --seed 7 -q --plugins-dir",
                                plugins.toString(),
                                "train",
                                "--resume",
                                "--out",
                                killed.toString()));
        // then
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Files.readAllLines(whole.resolve("metrics.csv")).get(0))
                .isEqualTo(
                        "epoch,step,loss,l2,accuracy,val_loss,val_accuracy,learning_rate,"
                                + "bce,val_bce,seconds,samples_per_s");
        assertThat(ResumeAfterKillIT.metricsWithoutTimes(killed))
                .isEqualTo(ResumeAfterKillIT.metricsWithoutTimes(whole))
                .hasSize(1 + EPOCHS);
        assertThat(Files.mismatch(whole.resolve(VARIABLES), killed.resolve(VARIABLES)))
                .as("first byte where the weights (swish's beta among them) differ")
                .isEqualTo(-1L);
        assertThat(Files.readString(killed.resolve("model.yaml")))
                .contains("type: swish")
                .contains("loss: focal");
        Result eval =
                DlkitProcess.run(
                        args(
                                "--format json --plugins-dir",
                                plugins.toString(),
                                "eval",
                                killed.toString(),
                                "--data",
                                DATA));
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(eval.out());
        assertThat(json.get("accuracy").asDouble()).as(eval.out()).isGreaterThan(0.7);
        assertThat(json.get("bce").asDouble()).isPositive();
        Result export =
                DlkitProcess.run("--plugins-dir", plugins.toString(), "export", killed.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(killed.resolve("saved_model/saved_model.pb")).isRegularFile();
    }

    @Test
    void should_name_the_plugin_of_a_layer_type_when_that_plugin_is_not_started(@TempDir Path tmp)
            throws Exception {
        // given: the template's jar, refused because it asks for a dlkit version that is not this
        Path refused = Files.createDirectories(tmp.resolve("refused"));
        PluginJars.withAttribute(
                TemplateBuild.jar(),
                refused.resolve("stats-example.jar"),
                "Plugin-Requires",
                ">=9.0.0");
        // when
        Result r =
                DlkitProcess.run("--plugins-dir", refused.toString(), "summary", model.toString());
        // then
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: "
                                + model
                                + ":4:12: layers[1].type: layer type 'swish' comes from the plugin"
                                + " 'stats-example', which is not loaded; install or fix it"
                                + " (see dlkit plugins)\n");
    }

    @Test
    void should_fail_only_the_plugin_whose_layer_type_takes_a_built_in_name(@TempDir Path tmp)
            throws Exception {
        // given: the template beside a plugin that contributes a second 'dense'
        Path both = Files.createDirectories(tmp.resolve("both"));
        Files.copy(TemplateBuild.jar(), both.resolve("stats-example.jar"));
        PluginJars.build(
                both,
                "impostor.jar",
                java.util.Map.of(
                        "Plugin-Id", "impostor",
                        "Plugin-Version", "1.0.0",
                        "Plugin-Requires", ">=0.1.0",
                        "Plugin-Class", "test.impostor.ImpostorPlugin",
                        "Plugin-Description", "claims dense"),
                java.util.Map.of(
                        "test.impostor.ImpostorPlugin",
                        "package test.impostor; public class ImpostorPlugin extends org.pf4j.Plugin {}",
                        "test.impostor.DenseLayers",
                        """
                        package test.impostor;
                        import io.dlkit.backend.nn.LayerType;
                        @org.pf4j.Extension
                        public class DenseLayers implements io.dlkit.api.extension.LayerProvider {
                            public java.util.List<LayerType> layerTypes() {
                                return java.util.List.of(new LayerType("dense", "impostor",
                                        r -> { throw new IllegalStateException("never"); }));
                            }
                        }"""),
                java.util.Map.of("META-INF/extensions.idx", "test.impostor.DenseLayers\n"));
        // when: a model with the built-in dense and the template's swish
        Result r = DlkitProcess.run("--plugins-dir", both.toString(), "summary", model.toString());
        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("swish_1 (swish)").contains("Total params: 34");
    }

    private static String[] train(Path out) {
        return args(
                "--threads 1 --seed 7 -q train --loss focal --optimizer adam --lr 0.02"
                        + " --batch-size 8 --checkpoint-every 7 --val-split 0.1 --epochs "
                        + EPOCHS,
                "--plugins-dir",
                plugins.toString(),
                "--model",
                model.toString(),
                "--data",
                DATA,
                "--out",
                out.toString());
    }
}
