package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** LSTM over 4 steps: config, shapes, gradients vs finite differences, FLOPs. */
class LstmContractTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new RnnLayerTypes()
                .layerTypes().stream()
                        .filter(t -> t.name().equals("lstm"))
                        .findFirst()
                        .orElseThrow();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "lstm", "units", 3, "return_sequences", true);
    }

    @Override
    public long[] inputShape() {
        return new long[] {4, 2};
    }
}
