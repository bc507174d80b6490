package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.cnnzoo.keras.KerasModels.Unit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a Keras file's arrays onto a model's variables, unit by unit: first every layer is found and
 * every shape checked (nothing is read yet), then layers the model has no place for are refused,
 * then the values are read. Keras kernels are HWIO for convolutions and {@code [in, out]} for dense
 * layers, as dlkit's, so they are taken as they are. Two things are converted, both exactly:
 *
 * <pre>
 * conv bias b before a batch norm, where the dlkit conv has none (ResNet blocks):
 *     BN(z + b) = gamma (z + b - mean) / sqrt(var + eps) + beta    so  mean' = mean - b
 * Keras epsilon e_k where the dlkit batch norm has e_d:
 *     sqrt(var + e_k) = sqrt(var' + e_d)                           so  var'  = var + e_k - e_d
 * </pre>
 *
 * <p>The first holds in training too (a batch mean absorbs a constant); the second is exact at
 * inference and leaves training with the dlkit epsilon. A dlkit bias that Keras lacks is zero.
 */
final class WeightMapping {
    private static final String[] NORM = {"gamma", "beta", "moving_mean", "moving_variance"};

    private final KerasFile keras;
    private final Map<String, long[]> shapes;
    private final Set<String> used = new HashSet<>();

    /**
     * @param keras the open file
     * @param shapes the model's variables by name, with their shapes
     */
    WeightMapping(KerasFile keras, Map<String, long[]> shapes) {
        this.keras = keras;
        this.shapes = shapes;
    }

    /** One unit's arrays, found and checked. */
    private record Found(Unit unit, List<KerasArray> weights, List<KerasArray> norm) {}

    /**
     * The model's weights by variable name.
     *
     * @throws io.dlkit.api.DlkitException (exit 2) naming the first layer that is missing, has the
     *     wrong number or shape of weights, or is in the file but not in the model
     */
    Map<String, NdArray> map(List<Unit> units) {
        List<Found> found = new ArrayList<>();
        for (Unit u : units) {
            List<KerasArray> weights = u.weights() == null ? null : weights(u);
            List<KerasArray> norm = u.norm() == null ? null : norm(u);
            found.add(new Found(u, weights, norm));
        }
        refuseExtraLayers();
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Found f : found) {
            values(f, out);
        }
        for (String name : shapes.keySet()) {
            if (!out.containsKey(name)) {
                throw new IllegalStateException("no Keras weight was mapped onto " + name);
            }
        }
        return out;
    }

    private List<KerasArray> weights(Unit u) {
        KerasLayer layer = u.weights();
        List<KerasArray> arrays = require(layer, u.prefix() + "_kernel");
        if (arrays.size() > 2) {
            throw keras.error(
                    "layer "
                            + keras.describe(layer)
                            + " has "
                            + arrays.size()
                            + " weights "
                            + arrays
                            + "; a "
                            + className(layer)
                            + " has a kernel and a bias");
        }
        checkShape(layer, arrays.get(0), u.prefix() + "_kernel");
        if (arrays.size() == 2) {
            String bias = u.prefix() + "_bias";
            if (!shapes.containsKey(bias) && u.norm() == null) {
                throw keras.error(
                        "layer "
                                + keras.describe(layer)
                                + " has a bias "
                                + arrays.get(1)
                                + " but the model's "
                                + u.prefix()
                                + " has none; build it with use_bias: true");
            }
            checkShape(
                    layer,
                    arrays.get(1),
                    shapes.containsKey(bias) ? bias : u.prefix() + "_moving_mean");
        }
        return arrays;
    }

    private List<KerasArray> norm(Unit u) {
        KerasLayer layer = u.norm();
        List<KerasArray> arrays = require(layer, u.prefix() + "_gamma");
        if (arrays.size() != NORM.length) {
            throw keras.error(
                    "layer "
                            + keras.describe(layer)
                            + " has "
                            + arrays.size()
                            + " weights "
                            + arrays
                            + "; a BatchNormalization needs 4: gamma, beta, moving_mean,"
                            + " moving_variance (center and scale on)");
        }
        for (int i = 0; i < NORM.length; i++) {
            checkShape(layer, arrays.get(i), u.prefix() + "_" + NORM[i]);
        }
        return arrays;
    }

    private List<KerasArray> require(KerasLayer layer, String firstVariable) {
        String key = keras.key(layer);
        List<KerasArray> arrays = keras.weights(key);
        if (arrays == null) {
            throw keras.error(
                    "layer "
                            + keras.describe(layer)
                            + " is missing from this "
                            + keras.format()
                            + " file; the model needs it for "
                            + firstVariable
                            + " "
                            + Arrays.toString(shapes.get(firstVariable)));
        }
        used.add(key);
        return arrays;
    }

    private void checkShape(KerasLayer layer, KerasArray array, String variable) {
        long[] need = shapes.get(variable);
        if (need == null) {
            throw new IllegalStateException("the model has no variable " + variable);
        }
        if (!Arrays.equals(array.shape(), need)) {
            throw keras.error(
                    "layer "
                            + keras.describe(layer)
                            + " weight '"
                            + array.name()
                            + "' has shape "
                            + Arrays.toString(array.shape())
                            + " but the model needs "
                            + Arrays.toString(need)
                            + " for "
                            + variable);
        }
    }

    private void refuseExtraLayers() {
        for (String key : keras.weightedKeys()) {
            if (!used.contains(key)) {
                throw keras.error(
                        "unexpected layer '"
                                + key
                                + "' with weights "
                                + keras.weights(key)
                                + ": the model has no such layer (a file for another"
                                + " architecture, or with the classifier top?)");
            }
        }
    }

    private void values(Found f, Map<String, NdArray> out) {
        String p = f.unit().prefix();
        float[] foldedBias = null;
        if (f.weights() != null) {
            put(out, p + "_kernel", f.weights().get(0).floats());
            float[] bias = f.weights().size() == 2 ? f.weights().get(1).floats() : null;
            if (shapes.containsKey(p + "_bias")) {
                put(out, p + "_bias", bias != null ? bias : new float[size(p + "_bias")]);
            } else {
                foldedBias = bias;
            }
        }
        if (f.norm() != null) {
            put(out, p + "_gamma", f.norm().get(0).floats());
            put(out, p + "_beta", f.norm().get(1).floats());
            float[] mean = f.norm().get(2).floats();
            for (int i = 0; foldedBias != null && i < mean.length; i++) {
                mean[i] -= foldedBias[i];
            }
            put(out, p + "_moving_mean", mean);
            float[] variance = f.norm().get(3).floats();
            double shift = f.unit().kerasEpsilon() - f.unit().dlkitEpsilon();
            for (int i = 0; shift != 0 && i < variance.length; i++) {
                variance[i] = (float) (variance[i] + shift);
            }
            put(out, p + "_moving_variance", variance);
        }
    }

    private void put(Map<String, NdArray> out, String name, float[] values) {
        out.put(name, NdArray.of(values, shapes.get(name)));
    }

    private int size(String name) {
        return (int) Arrays.stream(shapes.get(name)).reduce(1, (a, b) -> a * b);
    }

    private static String className(KerasLayer layer) {
        return layer.kind() == KerasLayer.Kind.DENSE ? "Dense" : "Conv2D";
    }
}
