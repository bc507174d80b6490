package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** GRU over 4 steps. */
class GruContractTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new RnnLayerTypes()
                .layerTypes().stream()
                        .filter(t -> t.name().equals("gru"))
                        .findFirst()
                        .orElseThrow();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "gru", "units", 3, "return_sequences", true);
    }

    @Override
    public long[] inputShape() {
        return new long[] {4, 2};
    }
}
