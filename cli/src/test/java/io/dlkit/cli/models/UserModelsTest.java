package io.dlkit.cli.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserModelsTest {
    /** SHA-256 of the three bytes "abc" (FIPS 180-2, appendix B.1). */
    private static final String ABC =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir Path dir;

    @Test
    void should_record_every_file_and_an_nchw_image_contract_from_the_signature() throws Exception {
        // given: a graph model.json naming one shard, its input [1, 3, 4, 6]
        Files.writeString(
                dir.resolve("model.json"),
                """
                {"format": "graph-model", "modelTopology": {"node": []},
                 "signature": {"inputs": {"x:0": {"name": "x:0", "tensorShape": {"dim": [
                   {"size": "1"}, {"size": "3"}, {"size": "4"}, {"size": "6"}]}}}},
                 "weightsManifest": [{"paths": ["w1.bin"], "weights": []}]}
                """);
        Files.writeString(dir.resolve("w1.bin"), "abc");

        // when
        CatalogEntry e = UserModels.describe("mine", dir, 0.5, -1);

        // then
        assertThat(e.entry()).isEqualTo("model.json");
        assertThat(e.files()).hasSize(2);
        assertThat(e.files().get(1)).isEqualTo(new CatalogEntry.FileSpec("w1.bin", 3, ABC));
        assertThat(e.files().get(0).size()).isEqualTo(Files.size(dir.resolve("model.json")));
        assertThat(e.preprocess())
                .isEqualTo(new CatalogEntry.Preprocess(List.of(4, 6), 0.5, -1, "NCHW"));
        assertThat(ModelSource.parse(e.source(), "mine")).isEqualTo(new LocalSource(dir));
    }

    @Test
    void should_take_the_image_contract_from_the_only_placeholder_without_a_signature()
            throws Exception {
        Files.writeString(
                dir.resolve("face.json"),
                """
                {"modelTopology": {"node": [
                  {"name": "input", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [
                    {"size": "1"}, {"size": "256"}, {"size": "128"}, {"size": "3"}]}}}},
                  {"name": "c", "op": "Const"}]},
                 "weightsManifest": []}
                """);

        CatalogEntry e = UserModels.describe("mine", dir, 1, 0);

        assertThat(e.entry()).isEqualTo("face.json");
        assertThat(e.input()).isEqualTo("input [1, 256, 128, 3] float32");
        assertThat(e.preprocess())
                .isEqualTo(new CatalogEntry.Preprocess(List.of(256, 128), 1, 0, "NHWC"));
    }

    @Test
    void should_name_a_shard_the_manifest_lists_but_the_folder_lacks() throws Exception {
        Files.writeString(
                dir.resolve("model.json"),
                "{\"modelTopology\": {\"node\": []}, \"weightsManifest\": [{\"paths\": [\"g.bin\"]}]}");

        assertThatThrownBy(() -> UserModels.describe("mine", dir, 1, 0))
                .hasMessage(
                        dir.resolve("g.bin")
                                + " is missing; the model's weightsManifest lists it beside the"
                                + " model.json");
    }

    @Test
    void should_refuse_a_layers_model_under_a_new_name() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{\"modelTopology\": {\"config\": {}}}");

        assertThatThrownBy(() -> UserModels.describe("mine", dir, 1, 0))
                .hasMessageContaining("is not a TF.js graph model (no modelTopology.node)");
    }
}
