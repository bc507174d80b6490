package io.dlkit.plugins.cnnzoo.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras 2 weights file, as {@code save_weights_to_hdf5_group} writes it (and {@code
 * keras.applications} ships it):
 *
 * <pre>
 * /                         attribute layer_names = [block1_conv1, block1_conv2, block1_pool, ...]
 * /block1_conv1             attribute weight_names = [block1_conv1/kernel:0, block1_conv1/bias:0]
 * /block1_conv1/block1_conv1/kernel:0   dataset [3, 3, 3, 64]
 * /block1_conv1/block1_conv1/bias:0     dataset [64]
 * /block1_pool              attribute weight_names = [] (an empty float64 array)
 * </pre>
 *
 * <p>A weight is the dataset at its {@code weight_names} entry under the layer's group; the order
 * of {@code weight_names}, not the names, says which is which (the original VGG files name them
 * {@code block1_conv1_W_1:0}), as in Keras's own loader. A full-model file ({@code model.save})
 * keeps the same layout under {@code /model_weights}. Attributes larger than HDF5's 64 KiB header
 * limit are split by Keras into {@code layer_names0}, {@code layer_names1}, ..., read in order.
 */
final class Keras2File extends KerasFile {
    private static final String LAYER_NAMES = "layer_names";
    private static final String WEIGHT_NAMES = "weight_names";
    private static final String MODEL_WEIGHTS = "model_weights";

    private final Group root;
    private final Map<String, List<String>> weightNames = new LinkedHashMap<>();

    Keras2File(Path file, HdfFile hdf) {
        super(file, hdf);
        this.root = weightsRoot(hdf);
        for (String layer : strings(root, LAYER_NAMES)) {
            Node group = root.getChild(layer);
            weightNames.put(
                    layer, group instanceof Group g ? optStrings(g, WEIGHT_NAMES) : List.of());
        }
    }

    /** Whether {@code hdf} has {@code layer_names} at its root or in {@code /model_weights}. */
    static boolean accepts(HdfFile hdf) {
        return weightsRoot(hdf) != null;
    }

    private static Group weightsRoot(HdfFile hdf) {
        if (has(hdf, LAYER_NAMES)) {
            return hdf;
        }
        if (hdf.getChild(MODEL_WEIGHTS) instanceof Group g && has(g, LAYER_NAMES)) {
            return g;
        }
        return null;
    }

    @Override
    String format() {
        return "Keras 2 .h5";
    }

    @Override
    String key(KerasLayer layer) {
        return layer.name();
    }

    @Override
    String describe(KerasLayer layer) {
        return "'" + layer.name() + "'";
    }

    @Override
    List<KerasArray> weights(String key) {
        List<String> names = weightNames.get(key);
        if (names == null || names.isEmpty()) {
            return null;
        }
        Group group = (Group) root.getChild(key);
        List<KerasArray> arrays = new ArrayList<>();
        for (String name : names) {
            if (!(group.getByPath(name) instanceof Dataset d)) {
                throw error(
                        "layer '" + key + "' lists weight '" + name + "' but has no such dataset");
            }
            arrays.add(new KerasArray(name.substring(name.lastIndexOf('/') + 1), d));
        }
        return arrays;
    }

    @Override
    List<String> weightedKeys() {
        return weightNames.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    private static boolean has(Node node, String name) {
        return node.getAttributes().containsKey(name) || node.getAttributes().containsKey(name + 0);
    }

    private List<String> optStrings(Node node, String name) {
        return has(node, name) ? strings(node, name) : List.of();
    }

    /** The strings of attribute {@code name}, or of its chunks {@code name0, name1, ...}. */
    private List<String> strings(Node node, String name) {
        Map<String, Attribute> attributes = node.getAttributes();
        if (attributes.containsKey(name)) {
            return strings(node, name, attributes.get(name));
        }
        List<String> all = new ArrayList<>();
        for (int chunk = 0; attributes.containsKey(name + chunk); chunk++) {
            all.addAll(strings(node, name + chunk, attributes.get(name + chunk)));
        }
        return all;
    }

    private List<String> strings(Node node, String name, Attribute attribute) {
        if (attribute.isEmpty() || attribute.getSize() == 0) {
            return List.of(); // Keras writes an empty list as an empty float64 array
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] s) {
            return List.of(s);
        }
        throw error(
                "attribute '"
                        + name
                        + "' of "
                        + node.getPath()
                        + " is not a list of strings; is this a Keras weights file?");
    }
}
