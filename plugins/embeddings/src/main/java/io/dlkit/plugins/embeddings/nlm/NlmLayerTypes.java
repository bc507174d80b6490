package io.dlkit.plugins.embeddings.nlm;

import io.dlkit.api.extension.LayerProvider;
import io.dlkit.backend.nn.LayerType;
import java.util.List;
import org.pf4j.Extension;

/** Contributes {@code context_embedding}, the neural language model's input layer. */
@Extension
public final class NlmLayerTypes implements LayerProvider {
    private static final List<LayerType> TYPES =
            List.of(
                    new LayerType(
                            ContextEmbeddingLayer.TYPE,
                            "n word ids [n] to their embeddings concatenated [n * dim]",
                            ContextEmbeddingLayer::fromConfig));

    @Override
    public List<LayerType> layerTypes() {
        return TYPES;
    }
}
