package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that cannot load, is incompatible or fails to start is reported; the rest keep working.
 */
class PluginFailuresIT {
    @TempDir static Path dir;
    static Path plugins;

    @BeforeAll
    static void buildBrokenPlugins() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        byte[] garbage = new byte[4096];
        new Random(1).nextBytes(garbage);
        Files.write(plugins.resolve("garbage.jar"), garbage);
        PluginJars.build(
                plugins,
                "future.jar",
                Map.of(
                        "Plugin-Id",
                        "future",
                        "Plugin-Version",
                        "2.0.0",
                        "Plugin-Requires",
                        ">=9.0.0",
                        "Plugin-Class",
                        "test.future.FuturePlugin",
                        "Plugin-Description",
                        "needs a newer dlkit"),
                Map.of(
                        "test.future.FuturePlugin",
                        "package test.future; public class FuturePlugin extends org.pf4j.Plugin {}"));
        PluginJars.build(
                plugins,
                "crashing.jar",
                Map.of(
                        "Plugin-Id",
                        "crashing",
                        "Plugin-Version",
                        "1.0.0",
                        "Plugin-Requires",
                        ">=0.1.0",
                        "Plugin-Class",
                        "test.crash.CrashPlugin",
                        "Plugin-Description",
                        "fails at start"),
                Map.of(
                        "test.crash.CrashPlugin",
                        """
                        package test.crash;
                        public class CrashPlugin extends org.pf4j.Plugin {
                            @Override public void start() {
                                throw new IllegalStateException("boom: model folder /nope is missing");
                            }
                        }"""));
    }

    @Test
    void should_report_each_failure_with_its_reason_and_keep_the_other_plugins() {
        Result r = DlkitProcess.run("--plugins-dir", plugins.toString(), "plugins");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "(?m)^future +2\\.0\\.0 +refused: requires dlkit >=9\\.0\\.0, this is dlkit 0\\.1\\.0 ");
        assertThat(r.out())
                .containsPattern(
                        "(?m)^crashing +1\\.0\\.0 +failed: boom: model folder /nope is missing ");
        assertThat(r.out())
                .containsPattern("(?m)^garbage\\.jar +failed: cannot load garbage\\.jar: ");
        assertThat(r.out()).containsPattern("(?m)^optimizers +0\\.1\\.0 +started ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void should_show_the_failure_reason_in_plugins_info() {
        Result r =
                DlkitProcess.run(
                        "--plugins-dir", plugins.toString(), "plugins", "info", "crashing");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "state:       failed\nreason:      boom: model folder /nope is missing\n");
    }

    @Test
    void should_report_failed_plugins_in_doctor_with_exit_code_3() {
        Result r = DlkitProcess.run("--plugins-dir", plugins.toString(), "doctor");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out())
                .contains("future 2.0.0 refused (requires dlkit >=9.0.0, this is dlkit 0.1.0)")
                .contains("crashing 1.0.0 failed (boom: model folder /nope is missing)")
                .contains("cnn-zoo 0.1.0 started");
    }

    @Test
    void should_name_an_unknown_plugin_in_info() {
        Result r = DlkitProcess.run("plugins", "info", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: no plugin 'nope'; known: cnn-zoo, detector, embeddings, face, nst,"
                                + " optimizers, rnn\n");
    }
}
