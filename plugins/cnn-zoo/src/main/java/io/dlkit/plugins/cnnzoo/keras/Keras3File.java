package io.dlkit.plugins.cnnzoo.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Keras 3 weights file, as {@code saving_lib.save_weights_only} writes it ({@code
 * model.save_weights("x.weights.h5")}, and {@code model.weights.h5} in a {@code .keras} archive):
 *
 * <pre>
 * /vars                          the model's own variables (none for these models)
 * /layers/input_layer/vars       (empty)
 * /layers/conv2d/vars/0          kernel [3, 3, 3, 64]     the first Conv2D in model.layers
 * /layers/conv2d/vars/1          bias [64]
 * /layers/conv2d_1/vars/0        ...                      the second Conv2D
 * /layers/batch_normalization/vars/0..3   gamma, beta, moving_mean, moving_variance
 * </pre>
 *
 * <p>Layers in a model's {@code layers} list are keyed by their class in snake case, numbered in
 * list order per class, not by their names (saving_lib's {@code _save_container_state}); a layer's
 * variables are numbered in its {@code trainable + non_trainable} order. So a layer is found by its
 * position among the layers of its class, which {@link KerasModels} works out from the
 * architecture.
 */
final class Keras3File extends KerasFile {
    private static final String LAYERS = "layers";
    private static final String VARS = "vars";

    Keras3File(Path file, HdfFile hdf) {
        super(file, hdf);
    }

    /** Whether {@code hdf} has a {@code /layers} group. */
    static boolean accepts(HdfFile hdf) {
        return hdf.getChild(LAYERS) instanceof Group;
    }

    @Override
    String format() {
        return "Keras 3 .weights.h5";
    }

    @Override
    String key(KerasLayer layer) {
        return LAYERS + "/" + layer.classPath();
    }

    @Override
    String describe(KerasLayer layer) {
        return "'" + key(layer) + "' (Keras layer " + layer.name() + ")";
    }

    @Override
    List<KerasArray> weights(String key) {
        Node node = hdf();
        for (String part : key.split("/")) {
            node = node instanceof Group g ? g.getChild(part) : null;
        }
        if (!(node instanceof Group layer) || !(layer.getChild(VARS) instanceof Group vars)) {
            return null;
        }
        List<KerasArray> arrays = new ArrayList<>();
        for (Map.Entry<String, Node> e : sortedByIndex(key, vars)) {
            if (!(e.getValue() instanceof Dataset d)) {
                throw error(key + "/" + VARS + "/" + e.getKey() + " is not a dataset");
            }
            arrays.add(new KerasArray(e.getKey(), d));
        }
        return arrays.isEmpty() ? null : arrays;
    }

    private List<Map.Entry<String, Node>> sortedByIndex(String key, Group vars) {
        for (String name : vars.getChildren().keySet()) {
            if (!name.matches("\\d{1,9}")) {
                throw error(
                        key
                                + "/"
                                + VARS
                                + " has an entry '"
                                + name
                                + "'; Keras 3 numbers a layer's variables 0, 1, ...");
            }
        }
        return vars.getChildren().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey())))
                .toList();
    }

    @Override
    List<String> weightedKeys() {
        List<String> keys = new ArrayList<>();
        collect((Group) hdf().getChild(LAYERS), LAYERS, keys);
        return keys;
    }

    /** Every group under {@code /layers}, nested models included, whose {@code vars} hold data. */
    private static void collect(Group group, String path, List<String> keys) {
        for (Map.Entry<String, Node> e : group.getChildren().entrySet()) {
            if (!(e.getValue() instanceof Group child) || e.getKey().equals(VARS)) {
                continue;
            }
            String childPath = path + "/" + e.getKey();
            if (child.getChild(VARS) instanceof Group vars && !vars.getChildren().isEmpty()) {
                keys.add(childPath);
            }
            collect(child, childPath, keys);
        }
    }
}
