package io.dlkit.plugins.embeddings.pipeline;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.Embeddings;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.similarity.Similarity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the steps that use vectors find them: the input {@code vectors} (an embeddings artifact,
 * such as another plugin's encodings), the input {@code file} (a vectors file from {@code
 * embeddings/train}) or the parameter {@code vectors_file}; exactly one of them.
 */
final class StepVectors {
    private StepVectors() {}

    static List<Port> inputs() {
        return List.of(
                Port.optional(
                        "vectors", ArtifactType.EMBEDDINGS, "vectors with their words as ids"),
                Port.optional("file", ArtifactType.FILE, "a vectors file (from embeddings/train)"));
    }

    static ParamSpec param() {
        return ParamSpec.optional(
                "vectors_file",
                ParamType.PATH,
                null,
                "a vectors file: word2vec binary or text, GloVe text or .npz (detected)");
    }

    static Similarity read(String step, Params params, Map<String, Object> inputs) {
        Object vectors = inputs.get("vectors");
        Object file = inputs.get("file");
        int given = (vectors != null ? 1 : 0) + (file != null ? 1 : 0);
        given += params.has("vectors_file") ? 1 : 0;
        if (given != 1) {
            throw DlkitException.invalidInput(
                    step
                            + ": give exactly one of inputs.vectors, inputs.file and"
                            + " with.vectors_file (got "
                            + given
                            + ")");
        }
        if (vectors instanceof Embeddings e) {
            return new Similarity(new WordVectors(e.ids(), e.values(), e.dimension()));
        }
        Path path = file != null ? (Path) file : params.path("vectors_file");
        return new Similarity(VectorFiles.read(path));
    }
}
