package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** PyTorch's GRU variant (reset_after) over 4 steps: finite differences, config round trip. */
class GruResetAfterContractTest implements LayerContract {
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
        return Map.of("type", "gru", "units", 3, "return_sequences", true, "reset_after", true);
    }

    @Override
    public long[] inputShape() {
        return new long[] {4, 2};
    }
}
