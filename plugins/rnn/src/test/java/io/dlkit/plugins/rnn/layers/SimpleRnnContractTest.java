package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** Basic RNN cell over 5 steps. */
class SimpleRnnContractTest implements LayerContract {
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
        return Map.of("type", "simple_rnn", "units", 3);
    }

    @Override
    public long[] inputShape() {
        return new long[] {5, 2};
    }
}
