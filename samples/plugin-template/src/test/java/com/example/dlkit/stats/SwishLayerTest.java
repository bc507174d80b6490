package com.example.dlkit.stats;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;

/** The swish layer passes the contract every dlkit layer passes (including finite differences). */
class SwishLayerTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new SwishLayer.Provider().layerTypes().get(0);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "swish", "beta", 1.5);
    }

    @Override
    public long[] inputShape() {
        return new long[] {3, 2};
    }
}
