package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliIT {

    @Test
    void should_list_core_commands_in_help() {
        Result r = DlkitProcess.run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("Usage: dlkit")
                .contains("plugins")
                .contains("doctor")
                .contains("validate")
                .contains("run")
                .contains("--device=cpu|gpu[:N]|auto");
    }

    @Test
    void should_print_versions() {
        Result r = DlkitProcess.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("dlkit 0.1.0\nTensorFlow Java 1.1.0 (linux-x86_64)\n");
    }

    @Test
    void should_reject_an_unknown_option_with_one_line_and_exit_2() {
        Result r = DlkitProcess.run("--devce", "gpu", "doctor");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: Unknown options: '--devce', 'gpu' (did you mean --device?); see 'dlkit --help'\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void should_reject_a_bad_device_name() {
        Result r = DlkitProcess.run("--device", "tpu", "plugins");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: invalid device 'tpu': use cpu, gpu, gpu:N (N >= 0) or auto\n");
    }

    @Test
    void should_list_the_seven_bundled_plugins_as_started() {
        Result r = DlkitProcess.run("plugins");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String id :
                new String[] {
                    "optimizers", "cnn-zoo", "detector", "face", "nst", "rnn", "embeddings"
                }) {
            assertThat(r.out()).containsPattern("(?m)^" + id + " +0\\.1\\.0 +started ");
        }
    }

    @Test
    void should_report_tensorflow_2_18_and_the_cpu_in_doctor() {
        Result r = DlkitProcess.run("doctor");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .contains("tensorflow: 2.18.0")
                .contains("type=CPU, name=CPU:0")
                .contains("device_in_use: CPU:0")
                .contains("optimizers 0.1.0 started");
        assertThat(r.err()).contains("device: CPU:0 | TensorFlow 2.18.0");
    }

    @Test
    void should_exit_4_with_how_to_fix_when_a_gpu_is_requested_without_one() {
        Result r = DlkitProcess.run("--device", "gpu", "doctor");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
        assertThat(r.err())
                .isEqualTo(
                        "error: --device gpu:0 requested but TensorFlow sees no GPU: this dlkit"
                                + " uses TensorFlow's CPU library; for GPU support install an NVIDIA driver, CUDA 12 and"
                                + " cuDNN 9, rebuild with `mvn -Pgpu package`, or run with --device cpu\n");
    }

    @Test
    void should_print_doctor_as_one_json_document() throws IOException {
        Result r = DlkitProcess.run("--format", "json", "-q", "doctor");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.get("tensorflow").asText()).isEqualTo("2.18.0");
        assertThat(json.get("plugins")).hasSize(7);
        assertThat(r.err()).doesNotContain("device:");
    }

    @Test
    void should_not_load_the_native_runtime_for_help_plugins_or_validate(@TempDir Path cache) {
        Map<String, String> env = Map.of("DLKIT_CACHE_DIR", cache.toString());
        Path pipeline = DlkitProcess.ROOT.resolve("pipelines/annotate-image.yaml");
        assertThat(DlkitProcess.runIn(DlkitProcess.ROOT, env, "--help").exitCode()).isZero();
        assertThat(DlkitProcess.runIn(DlkitProcess.ROOT, env, "plugins").exitCode()).isZero();
        assertThat(
                        DlkitProcess.runIn(DlkitProcess.ROOT, env, "validate", pipeline.toString())
                                .exitCode())
                .isZero();
        // JavaCPP extracts the native libraries into its cache on first load: nothing must be
        // there.
        assertThat(cache.resolve("javacpp")).doesNotExist();
    }

    @Test
    void should_fail_clearly_for_a_missing_plugins_dir() {
        Result r = DlkitProcess.run("--plugins-dir", "/nonexistent/plugins", "plugins");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: --plugins-dir /nonexistent/plugins: no such directory; give a folder of plugin jars\n");
    }

    @Test
    void distribution_should_work_when_copied_elsewhere(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("dlkit");
        try (var files = Files.walk(DlkitProcess.DIST)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(DlkitProcess.DIST.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        var pb =
                new ProcessBuilder(copy.resolve("bin/dlkit").toString(), "plugins")
                        .directory(tmp.toFile());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).containsPattern("(?m)^optimizers +0\\.1\\.0 +started ");
        assertThat(out).containsPattern("(?m)^cnn-zoo +0\\.1\\.0 +started ");
    }
}
