package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** Bidirectional GRU, concatenated. */
class BidirectionalContractTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new RnnLayerTypes()
                .layerTypes().stream()
                        .filter(t -> t.name().equals("bidirectional"))
                        .findFirst()
                        .orElseThrow();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of(
                "type",
                "bidirectional",
                "layer",
                Map.of("type", "gru", "units", 2, "return_sequences", true));
    }

    @Override
    public long[] inputShape() {
        return new long[] {3, 2};
    }
}
