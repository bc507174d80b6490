package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** Basic RNN cell with ReLU over 5 steps: finite differences, config round trip. */
class SimpleRnnReluContractTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new RnnLayerTypes()
                .layerTypes().stream()
                        .filter(t -> t.name().equals("simple_rnn"))
                        .findFirst()
                        .orElseThrow();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "simple_rnn", "units", 3, "activation", "relu");
    }

    @Override
    public long[] inputShape() {
        return new long[] {5, 2};
    }
}
