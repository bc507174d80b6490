package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** LSTM returning the last step. */
class LstmLastStepContractTest implements LayerContract {
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
        return Map.of("type", "lstm", "units", 2);
    }

    @Override
    public long[] inputShape() {
        return new long[] {3, 3};
    }
}
