package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin jar adds models to the catalog with its own {@code META-INF/dlkit/models.json}: the
 * entry is listed, pulled and verified like the host's; a plugin redefining a host model is one
 * error naming both catalogs.
 */
class PluginCatalogIT {
    /** SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC_SHA256 =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir Path dir;

    @Test
    void should_list_and_pull_a_model_a_plugin_catalog_adds() throws Exception {
        // given: a plugin whose catalog names a one-file model in a local folder
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.writeString(source.resolve("w.bin"), "abc");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(plugins, "extra", catalog("plugmodel", source, 3, ABC_SHA256));
        Map<String, String> env = Map.of("DLKIT_MODELS", dir.resolve("cache").toString());

        // when
        Result list = run(env, plugins, "models", "list");
        Result pull = run(env, plugins, "models", "pull", "plugmodel");
        Result after = run(env, plugins, "models", "list");

        // then
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("plugmodel +a plugin's model +0\\.0 MB +no +-");
        assertThat(list.out()).contains("centernet");
        assertThat(pull.exitCode()).as(pull.toString()).isZero();
        assertThat(after.out()).containsPattern("plugmodel +a plugin's model +0\\.0 MB +yes +ok");
        assertThat(dir.resolve("cache/plugmodel/w.bin")).hasContent("abc");
    }

    @Test
    void should_refuse_a_plugin_redefining_a_host_model_naming_both_catalogs() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = jar(plugins, "clash", catalog("centernet", dir, 3, ABC_SHA256));

        Result r =
                run(
                        Map.of("DLKIT_MODELS", dir.resolve("cache").toString()),
                        plugins,
                        "models",
                        "list");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err())
                .containsPattern(
                        "model 'centernet' is defined in both jar:file:\\S+dlkit-cli\\S*\\.jar!/"
                                + "META-INF/dlkit/models\\.json and jar:file:\\S*/"
                                + jar.getFileName()
                                + "!/META-INF/dlkit/models\\.json; rename one of them");
    }

    private static Result run(Map<String, String> env, Path plugins, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--plugins-dir";
        all[1] = plugins.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return DlkitProcess.runIn(DlkitProcess.ROOT, env, all);
    }

    private static String catalog(String name, Path source, long size, String sha256) {
        return """
                {"models": [{"name": "%s", "task": "a plugin's model", "importer": "tfjs-graph",
                  "source": "%s", "entry": "w.bin", "licence": "MIT", "upstream": "test",
                  "input": "-", "output": "-", "preprocess": null,
                  "files": [{"path": "w.bin", "size": %d, "sha256": "%s"}]}]}
                """
                .formatted(name, source.toUri(), size, sha256);
    }

    private static Path jar(Path plugins, String id, String catalog) throws Exception {
        String cls = "test." + id + ".CatalogPlugin";
        return PluginJars.build(
                plugins,
                id + ".jar",
                Map.of(
                        "Plugin-Id",
                        id,
                        "Plugin-Version",
                        "1.0.0",
                        "Plugin-Requires",
                        ">=0.1.0",
                        "Plugin-Class",
                        cls),
                Map.of(
                        cls,
                        "package test."
                                + id
                                + "; public class CatalogPlugin extends org.pf4j.Plugin {}"),
                Map.of("META-INF/dlkit/models.json", catalog));
    }
}
