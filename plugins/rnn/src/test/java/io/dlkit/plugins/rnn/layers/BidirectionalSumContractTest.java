package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** Bidirectional LSTM, last steps summed. */
class BidirectionalSumContractTest implements LayerContract {
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
                "merge",
                "sum",
                "layer",
                Map.of("type", "lstm", "units", 2));
    }

    @Override
    public long[] inputShape() {
        return new long[] {3, 2};
    }
}
