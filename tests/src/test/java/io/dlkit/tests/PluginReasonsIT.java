package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars that name a class they do not hold or claim a built-in plugin's id get a short, plain
 * reason in {@code dlkit plugins}; a plugin folder that does not exist is an error however it is
 * given.
 */
class PluginReasonsIT {
    @TempDir static Path dir;
    static Path plugins;

    @BeforeAll
    static void buildJars() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.build(plugins, "ghost.jar", manifest("ghost", "test.ghost.Nope"), Map.of());
        PluginJars.build(
                plugins,
                "impostor.jar",
                manifest("optimizers", "test.impostor.ImpostorPlugin"),
                Map.of(
                        "test.impostor.ImpostorPlugin",
                        "package test.impostor;"
                                + " public class ImpostorPlugin extends org.pf4j.Plugin {}"));
    }

    private static Map<String, String> manifest(String id, String pluginClass) {
        return Map.of(
                "Plugin-Id", id,
                "Plugin-Version", "1.0.0",
                "Plugin-Requires", ">=0.1.0",
                "Plugin-Class", pluginClass,
                "Plugin-Description", "test jar");
    }

    @Test
    void should_name_a_missing_plugin_class_and_keep_the_built_in_plugin_of_a_taken_id() {
        // when
        Result r = DlkitProcess.run("--plugins-dir", plugins.toString(), "plugins");

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "(?m)^ghost +1\\.0\\.0 +failed: Plugin-Class test\\.ghost\\.Nope is not in"
                                + " ghost\\.jar or is not an org\\.pf4j\\.Plugin; fix the jar's"
                                + " manifest +test jar$")
                .containsPattern(
                        "(?m)^impostor\\.jar +failed: cannot load impostor\\.jar: id 'optimizers'"
                                + " is taken by a built-in plugin; change Plugin-Id$")
                .containsPattern("(?m)^optimizers +0\\.1\\.0 +started ")
                .doesNotContain("NullPointerException")
                .doesNotContain("PluginWrapper");
        assertThat(r.out().lines().mapToInt(String::length).max().orElse(0))
                .as("table width")
                .isLessThan(300);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void should_refuse_a_plugin_folder_from_the_environment_that_does_not_exist() {
        // when
        Result env =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT, Map.of("DLKIT_PLUGINS", "/nonexistent"), "plugins");
        Result option = DlkitProcess.run("--plugins-dir", "/nonexistent", "plugins");

        // then
        assertThat(env.exitCode()).isEqualTo(2).isEqualTo(option.exitCode());
        assertThat(env.err())
                .isEqualTo(
                        "error: DLKIT_PLUGINS /nonexistent: no such directory; give a folder of"
                                + " plugin jars (several separated by ':')\n");
        assertThat(option.err())
                .isEqualTo(
                        "error: --plugins-dir /nonexistent: no such directory; give a folder of"
                                + " plugin jars\n");
        assertThat(env.out()).isEmpty();
    }
}
