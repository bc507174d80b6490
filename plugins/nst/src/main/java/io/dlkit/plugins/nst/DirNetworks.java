package io.dlkit.plugins.nst;

import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A loss network from a dlkit model directory (VGG-19 imported with {@code dlkit zoo
 * import-keras}), built in the caller's graph on the pixels. Keras' VGG weights expect Caffe
 * pre-processing (BGR, minus the ImageNet channel means, 0-255), applied here in the graph; the
 * model's own stored normalization, if any, follows it.
 */
final class DirNetworks {
    /** Keras vgg19.preprocess_input: B, G, R means. */
    private static final float[] BGR_MEAN = {103.939f, 116.779f, 123.68f};

    private static final String VGG_CONTENT = "block4_conv2";
    private static final List<String> VGG_STYLE =
            List.of("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1");

    private DirNetworks() {}

    static LossNetwork load(ModelStore store, GraphContext g, Path dir, int height, int width) {
        Ops tf = g.tf().withSubScope("nst");
        Placeholder<TFloat32> pixels =
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, 3)));
        Operand<TFloat32> bgr = tf.reverse(pixels, tf.constant(new int[] {3}));
        Operand<TFloat32> x =
                tf.math.sub(
                        bgr,
                        tf.constant(
                                Shape.of(1, 1, 1, 3),
                                org.tensorflow.ndarray.buffer.DataBuffers.of(
                                        BGR_MEAN, true, false)));
        ModelStore.GraphModel m = store.openInGraph(dir, g, x);
        Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>(m.layerOutputs());
        List<String> spatial = new ArrayList<>();
        layers.forEach(
                (k, v) -> {
                    if (v.shape().numDimensions() == 4) spatial.add(k);
                });
        if (spatial.isEmpty()) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    dir + ": the model has no convolutional feature maps to use as a loss network");
        }
        boolean vgg = spatial.contains(VGG_CONTENT) && spatial.containsAll(VGG_STYLE);
        String content = vgg ? VGG_CONTENT : spatial.get(spatial.size() / 2);
        List<String> style = vgg ? VGG_STYLE : spread(spatial, 5);
        return new LossNetwork(dir.toString(), pixels.output(), layers, content, style);
    }

    /** Up to {@code n} layers spread evenly over {@code layers}, first one included. */
    static List<String> spread(List<String> layers, int n) {
        if (layers.size() <= n) return List.copyOf(layers);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(layers.get(i * (layers.size() - 1) / (n - 1)));
        return out;
    }
}
