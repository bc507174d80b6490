package io.dlkit.plugins.detector.darknet;

import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.detector.yolo.YoloModel;
import java.util.List;
import java.util.Map;

/**
 * Darknet files and dlkit YOLO models both ways: a cfg (+ weights) becomes a {@link YoloModel} (+
 * its variables by name), and a model (+ variables) becomes a cfg (+ weights) that Darknet and
 * OpenCV's {@code readNetFromDarknet} read.
 */
public final class DarknetYolo {
    private DarknetYolo() {}

    /** The variables of {@code model} (made from {@code net}) from Darknet weights. */
    public static Map<String, NdArray> importWeights(
            DarknetNetwork net, DarknetWeights weights, YoloModel model) {
        return DarknetModelWeights.toModel(net, weights, convNames(model));
    }

    /**
     * The Darknet form of a model and its variables.
     *
     * @param seen the images-seen counter for the header
     */
    public static Exported export(YoloModel model, Map<String, NdArray> weights, long seen) {
        ModelCfgWriter.Result r =
                ModelCfgWriter.write(model.config(), model.anchors(), model.classes());
        DarknetNetwork net = DarknetNetwork.of(DarknetCfg.parse(r.cfg(), "exported cfg"));
        return new Exported(
                r.cfg(), net, DarknetModelWeights.toDarknet(net, weights, r.convNames(), seen));
    }

    /**
     * A model in Darknet form.
     *
     * @param cfg the cfg text
     * @param network the parsed cfg
     * @param weights the weights for it
     */
    public record Exported(String cfg, DarknetNetwork network, DarknetWeights weights) {}

    private static List<String> convNames(YoloModel model) {
        return ModelCfgWriter.write(model.config(), model.anchors(), model.classes()).convNames();
    }
}
