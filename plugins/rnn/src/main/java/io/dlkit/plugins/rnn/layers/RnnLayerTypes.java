package io.dlkit.plugins.rnn.layers;

import io.dlkit.api.extension.LayerProvider;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.LayerType;
import java.util.List;
import org.pf4j.Extension;

/**
 * Contributes the recurrent layer types to every model file: {@code embedding}, {@code simple_rnn},
 * {@code gru}, {@code lstm}, {@code bidirectional} and {@code time_dense}. A deep RNN is recurrent
 * layers stacked with {@code return_sequences: true} on all but (optionally) the last.
 */
@Extension
public final class RnnLayerTypes implements LayerProvider {
    private static final List<LayerType> TYPES =
            List.of(
                    new LayerType(
                            EmbeddingLayer.TYPE,
                            "token ids [T] to vectors [T, dim] by lookup",
                            EmbeddingLayer::fromConfig),
                    new LayerType(
                            SimpleRnnLayer.TYPE,
                            "basic RNN cell a = tanh(W_a [a_prev, x] + b_a), unrolled over T",
                            SimpleRnnLayer::fromConfig),
                    new LayerType(
                            GruLayer.TYPE,
                            "GRU with update and relevance gates, unrolled over T",
                            GruLayer::fromConfig),
                    new LayerType(
                            LstmLayer.TYPE,
                            "LSTM with forget, update and output gates, unrolled over T",
                            LstmLayer::fromConfig),
                    new LayerType(
                            BidirectionalLayer.TYPE,
                            "a recurrent layer run forwards and backwards, concat or sum",
                            BidirectionalLayer::fromConfig),
                    new LayerType(
                            Seq2SeqLayer.TYPE,
                            "encoder-decoder: source and shifted target ids -> target logits",
                            Seq2SeqLayer::fromConfig),
                    new LayerType(
                            TimeDenseLayer.TYPE,
                            "dense applied to each time step [T, n] -> [T, units]",
                            TimeDenseLayer::fromConfig));

    /** Created by dlkit. */
    public RnnLayerTypes() {}

    @Override
    public List<LayerType> layerTypes() {
        return TYPES;
    }

    /** The layer a config describes, for the types of this plugin. */
    static Layer create(ConfigReader r) {
        Object type = r.get("type");
        for (LayerType t : TYPES) {
            if (t.name().equals(type)) return t.factory().create(r);
        }
        throw r.error("type", "unknown recurrent layer type " + ConfigReader.show(type));
    }
}
