package io.dlkit.plugins.nst;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;

/**
 * A pretrained CNN built in a graph on a pixel placeholder, with its layer outputs by name.
 *
 * @param name what the user named ({@code mobilenet_v2} or a model directory)
 * @param pixels the input: RGB pixels in [0, 255], {@code [1, H, W, 3]}; the network's own
 *     pre-processing is in the graph after it, so gradients with respect to it are in pixel units
 * @param layers every layer's output by layer name, in network order
 * @param defaultContent the content layer used when none is given
 * @param defaultStyle the style layers used when none are given
 */
public record LossNetwork(
        String name,
        Output<TFloat32> pixels,
        Map<String, Operand<TFloat32>> layers,
        String defaultContent,
        List<String> defaultStyle) {

    /** The named layer's output, or a one-line error listing the valid names. */
    public Operand<TFloat32> layer(String layerName) {
        Operand<TFloat32> out = layers.get(layerName);
        if (out == null) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    "unknown layer '"
                            + layerName
                            + "' in loss network "
                            + name
                            + "; valid layers: "
                            + String.join(", ", spatialLayers()));
        }
        if (out.shape().numDimensions() != 4) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    "layer '"
                            + layerName
                            + "' of "
                            + name
                            + " is not a feature map (rank "
                            + out.shape().numDimensions()
                            + "); valid layers: "
                            + String.join(", ", spatialLayers()));
        }
        return out;
    }

    /** The layers whose outputs are feature maps {@code [1, h, w, c]}. */
    public List<String> spatialLayers() {
        return layers.entrySet().stream()
                .filter(e -> e.getValue().shape().numDimensions() == 4)
                .map(Map.Entry::getKey)
                .toList();
    }
}
