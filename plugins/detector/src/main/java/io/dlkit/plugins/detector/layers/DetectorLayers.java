package io.dlkit.plugins.detector.layers;

import io.dlkit.api.extension.LayerProvider;
import io.dlkit.backend.nn.LayerType;
import java.util.List;
import org.pf4j.Extension;

/** The detector's layer types: {@code darknet_reorg} and {@code yolo_grid}. */
@Extension
public final class DetectorLayers implements LayerProvider {
    /** The types, also for tests and programs that register them without the plugin host. */
    public static final List<LayerType> TYPES =
            List.of(
                    new LayerType(
                            ReorgLayer.TYPE,
                            "Darknet's [reorg]: space to depth in Darknet's element order",
                            ReorgLayer::fromConfig),
                    new LayerType(
                            YoloGridLayer.TYPE,
                            "YOLOv2 output [S, S, B (5 + C)] viewed as [S, S, B, 5 + C]",
                            YoloGridLayer::fromConfig));

    /** PF4J creates it; it holds no state. */
    public DetectorLayers() {}

    @Override
    public List<LayerType> layerTypes() {
        return TYPES;
    }

    /** Registers the types with the backend unless already there (tests, embedding programs). */
    public static synchronized void ensureRegistered() {
        for (LayerType t : TYPES) {
            if (!io.dlkit.backend.nn.Layers.all().containsKey(t.name()))
                io.dlkit.backend.nn.Layers.register(t);
        }
    }
}
