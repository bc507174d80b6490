package io.dlkit.plugins.embeddings.pipeline;

import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.pipeline.StepType;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the pipeline steps {@code embeddings/train}, {@code embeddings/neighbors} and {@code
 * embeddings/analogy}: what {@code dlkit embed train}, {@code neighbors} and {@code analogy} do.
 *
 * <pre>
 * - id: train
 *   uses: embeddings/train
 *   with: {text: corpus.txt, dim: 50, iter: 5, file: vectors.bin}
 * - id: near
 *   uses: embeddings/neighbors
 *   inputs: {file: ${train.file}}        # or vectors: an embeddings artifact
 *   with: {words: [king, queen], k: 5}
 * </pre>
 */
@Extension
public final class EmbeddingsStepProvider implements StepProvider {
    /** PF4J creates the provider. */
    public EmbeddingsStepProvider() {}

    @Override
    public List<StepType> stepTypes() {
        return List.of(new TrainStep(), new NeighborsStep(), new AnalogyStep());
    }
}
