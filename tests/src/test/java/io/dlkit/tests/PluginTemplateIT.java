package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/plugin-template builds on its own and its command, step and optimizer load into dlkit.
 */
class PluginTemplateIT {
    @TempDir static Path dir;
    static Path plugins;

    @BeforeAll
    static void build() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(TemplateBuild.jar(), plugins.resolve("stats-example.jar"));
    }

    @Test
    void should_list_the_template_plugin_as_started_with_its_extensions() {
        Result r =
                DlkitProcess.run(
                        "--plugins-dir", plugins.toString(), "plugins", "info", "stats-example");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("state:       started")
                .contains("version:     1.0.0")
                .contains("CommandProvider StatsCommand")
                .contains("StepProvider StatsStepProvider");
    }

    @Test
    void should_show_the_plugin_command_in_help() {
        Result r = DlkitProcess.run("--plugins-dir", plugins.toString(), "--help");
        assertThat(r.out()).containsPattern("(?m)^  tensor-stats +Print min, max, mean and std");
    }

    @Test
    void should_run_the_plugin_command_on_a_real_graph(@TempDir Path tmp) throws Exception {
        // given a 2x3 array whose statistics are known: mean 3.5, population std sqrt(35/12)
        Path npy = tmp.resolve("a.npy");
        io.dlkit.backend.io.Npy.write(
                npy, io.dlkit.backend.io.NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        // when
        Result r =
                DlkitProcess.run(
                        "--plugins-dir",
                        plugins.toString(),
                        "--format",
                        "json",
                        "tensor-stats",
                        npy.toString());
        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.get("min").asDouble()).isEqualTo(1.0);
        assertThat(json.get("max").asDouble()).isEqualTo(6.0);
        assertThat(json.get("mean").asDouble()).isEqualTo(3.5);
        assertThat(json.get("std").asDouble())
                .isCloseTo(Math.sqrt(35.0 / 12.0), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.err()).contains("device: CPU:0 | TensorFlow 2.18.0");
    }

    @Test
    void should_give_a_one_line_error_for_a_missing_file() {
        Result r =
                DlkitProcess.run("--plugins-dir", plugins.toString(), "tensor-stats", "nope.npy");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: nope.npy: no such file\n");
    }
}
