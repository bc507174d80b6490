package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** Per-step dense. */
class TimeDenseContractTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new RnnLayerTypes()
                .layerTypes().stream()
                        .filter(t -> t.name().equals("time_dense"))
                        .findFirst()
                        .orElseThrow();
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "time_dense", "units", 4);
    }

    @Override
    public long[] inputShape() {
        return new long[] {3, 2};
    }
}
