package io.dlkit.plugins.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.NamedTensors;
import io.dlkit.backend.tfjs.WeightManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelFolderTest {
    /** A store serving the shared face-api folder under the catalog's names, recording asks. */
    private static final class FolderStore implements PretrainedModels {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<String> names() {
            return List.of("ssd_mobilenetv1", "face_recognition");
        }

        @Override
        public Path require(String name) {
            asked.add(name);
            return FaceApiReference.models().resolve(name + "_model-weights_manifest.json");
        }

        @Override
        public GraphModel openGraph(GraphContext graph, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public NamedTensors weights(String name) {
            return WeightManifest.read(require(name)).load();
        }
    }

    @Test
    void should_ask_the_store_for_the_catalog_names_of_face_api_files() {
        FolderStore store = new FolderStore();
        ModelFolder weights = ModelFolder.resolve(null, store);

        NamedTensors ssd = weights.load(ModelFolder.SSD);
        weights.recognitionModelId();

        assertThat(store.asked).containsExactly("ssd_mobilenetv1", "face_recognition");
        assertThat(ssd.names()).isNotEmpty();
    }

    @Test
    void should_give_descriptors_the_same_model_id_from_the_store_and_from_a_folder() {
        String fromStore = ModelFolder.of(new FolderStore()).recognitionModelId();
        String fromFolder = new ModelFolder(FaceApiReference.models()).recognitionModelId();

        assertThat(fromStore)
                .isEqualTo(fromFolder)
                .matches("face-api/face_recognition_model@[0-9a-f]{16}");
    }

    @Test
    void should_use_the_models_folder_without_asking_the_store() {
        FolderStore store = new FolderStore();
        ModelFolder weights = ModelFolder.resolve(FaceApiReference.models(), store);

        weights.recognitionModelId();

        assertThat(store.asked).isEmpty();
    }

    @Test
    void should_refuse_a_models_folder_that_does_not_exist() {
        assertThatThrownBy(() -> ModelFolder.resolve(Path.of("no/such/dir"), new FolderStore()))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "face: model folder no/such/dir does not exist; fix --models or leave it"
                                + " out to use the model store");
    }
}
