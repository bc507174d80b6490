package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.backend.io.NdArray;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes Keras weight files with jhdf in the layouts Keras writes (see {@link Keras2File} and
 * {@link Keras3File}), from a list of Keras layers with their weights in Keras's variable order.
 *
 * <p>Layers without weights are left out of the HDF5 tree (a Keras 2 file still lists them in
 * {@code layer_names}), for two limits of jhdf 0.9.4's writer: it cannot write an empty array
 * attribute, which is what Keras stores as {@code weight_names} of such a layer (an empty float64
 * array), and it writes its version string at the end of the last dataset's data, over any empty
 * group written after it (Keras 3's {@code /vars}, {@code /layers/max_pooling2d/vars}). The reader
 * needs neither. Each file is read back whole after writing, so that a file the writer broke fails
 * here, not in the test. Files as Keras really writes them, empty groups and arrays included, are
 * the h5py-written ones of {@link H5pyFilesTest}.
 */
final class KerasFixtures {
    private KerasFixtures() {}

    /**
     * A Keras layer as a file holds it.
     *
     * @param name the Keras layer name ({@code block1_conv1})
     * @param cls its class in Keras 3's snake case ({@code conv2d}, {@code max_pooling2d})
     * @param weights its weights in variable order (none for pooling and the like)
     */
    record KLayer(String name, String cls, List<NdArray> weights) {
        /** A layer without weights. */
        static KLayer plain(String name, String cls) {
            return new KLayer(name, cls, List.of());
        }

        /** The weight {@code i}. */
        NdArray w(int i) {
            return weights.get(i);
        }
    }

    /** The two layouts. */
    enum Layout {
        KERAS2,
        KERAS3;

        /** Writes {@code layers} to {@code file} in this layout. */
        Path write(Path file, List<KLayer> layers) {
            if (this == KERAS2) {
                writeKeras2(file, layers);
            } else {
                writeKeras3(file, layers);
            }
            readBack(file);
            return file;
        }
    }

    private static final Map<String, List<String>> KERAS2_NAMES =
            Map.of(
                    "conv2d", List.of("kernel:0", "bias:0"),
                    "dense", List.of("kernel:0", "bias:0"),
                    "batch_normalization",
                            List.of("gamma:0", "beta:0", "moving_mean:0", "moving_variance:0"));

    /** {@code save_weights_to_hdf5_group}'s layout: groups by layer name, attributes of names. */
    static void writeKeras2(Path file, List<KLayer> layers) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putAttribute("backend", "tensorflow");
            f.putAttribute("keras_version", "2.15.0");
            f.putAttribute("layer_names", layers.stream().map(KLayer::name).toArray(String[]::new));
            for (KLayer layer : layers) {
                if (layer.weights().isEmpty()) {
                    continue;
                }
                WritableGroup g = f.putGroup(layer.name());
                List<String> names = KERAS2_NAMES.get(layer.cls());
                String[] weightNames = new String[layer.weights().size()];
                WritableGroup inner = g.putGroup(layer.name());
                for (int i = 0; i < weightNames.length; i++) {
                    weightNames[i] = layer.name() + "/" + names.get(i);
                    inner.putDataset(names.get(i), nested(layer.w(i)));
                }
                g.putAttribute("weight_names", weightNames);
            }
        }
    }

    /** {@code saving_lib}'s layout: {@code /layers/<class>[_n]/vars/<i>}, every layer a group. */
    static void writeKeras3(Path file, List<KLayer> layers) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            WritableGroup all = f.putGroup("layers");
            Map<String, Integer> counts = new HashMap<>();
            for (KLayer layer : layers) {
                int n = counts.merge(layer.cls(), 1, Integer::sum) - 1;
                if (layer.weights().isEmpty()) {
                    continue;
                }
                WritableGroup g = all.putGroup(n == 0 ? layer.cls() : layer.cls() + "_" + n);
                WritableGroup vars = g.putGroup("vars");
                for (int i = 0; i < layer.weights().size(); i++) {
                    vars.putDataset(String.valueOf(i), nested(layer.w(i)));
                }
            }
        }
    }

    private static void readBack(Path file) {
        try (HdfFile f = new HdfFile(file)) {
            walk(f);
        }
    }

    private static void walk(Group group) {
        for (Node node : group.getChildren().values()) {
            if (node instanceof Group g) {
                walk(g);
            } else {
                ((Dataset) node).getDimensions();
            }
        }
    }

    /** jhdf writes a dataset from a Java array of the dataset's rank. */
    static Object nested(NdArray a) {
        long[] shape = a.shape();
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape[i];
        }
        Object out = Array.newInstance(float.class, dims);
        fill(out, a.floats(), new int[] {0});
        return out;
    }

    private static void fill(Object array, float[] flat, int[] at) {
        if (array instanceof float[] row) {
            System.arraycopy(flat, at[0], row, 0, row.length);
            at[0] += row.length;
            return;
        }
        for (int i = 0; i < Array.getLength(array); i++) {
            fill(Array.get(array, i), flat, at);
        }
    }

    /** Random Keras weights, scaled so that deep stacks neither explode nor vanish. */
    static final class Weights {
        private final Random random;

        Weights(long seed) {
            this.random = new Random(seed);
        }

        /** A {@code Conv2D} {@code f x f x in -> out} with bias (He-scaled kernel). */
        KLayer conv(String name, int f, int in, int out) {
            return new KLayer(
                    name,
                    "conv2d",
                    List.of(
                            normal(Math.sqrt(2.0 / (f * f * in)), f, f, in, out),
                            normal(0.1, out)));
        }

        /** A {@code Dense} {@code in -> out} with bias. */
        KLayer dense(String name, int in, int out) {
            return new KLayer(
                    name, "dense", List.of(normal(Math.sqrt(2.0 / in), in, out), normal(0.1, out)));
        }

        /**
         * A {@code BatchNormalization} over {@code c} channels. Variances in [0.002, 0.02] are
         * small enough that epsilon 1e-3 against 1.001e-5 changes the output by 5 to 22 percent;
         * gamma is {@code U(0.5, 1.5) sqrt(var)}, so the output keeps the input's scale and a deep
         * stack does not saturate its softmax.
         */
        KLayer batchNorm(String name, int c) {
            NdArray variance = uniform(0.002, 0.02, c);
            float[] gamma = uniform(0.5, 1.5, c).floats();
            float[] v = variance.floats();
            for (int i = 0; i < c; i++) {
                gamma[i] *= (float) Math.sqrt(v[i]);
            }
            return new KLayer(
                    name,
                    "batch_normalization",
                    List.of(NdArray.of(gamma, c), normal(0.1, c), normal(0.1, c), variance));
        }

        /** {@code n} values of N(0, 1), shaped. */
        NdArray input(long... shape) {
            return normal(1, shape);
        }

        NdArray normal(double std, long... shape) {
            float[] v = new float[size(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * std);
            }
            return NdArray.of(v, shape);
        }

        NdArray uniform(double lo, double hi, long... shape) {
            float[] v = new float[size(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (lo + (hi - lo) * random.nextDouble());
            }
            return NdArray.of(v, shape);
        }

        private static int size(long... shape) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return (int) n;
        }
    }

    /** Filters of VGG's five blocks, the same in VGG-16 and VGG-19. */
    static final int[] VGG_FILTERS = {64, 128, 256, 512, 512};

    /**
     * Keras's VGG layers without the top: {@code input_1}, then per block {@code b} {@code
     * convs[b]} 3x3 convolutions {@code blockB_convC} and a {@code blockB_pool}, with weights drawn
     * from {@code new Weights(seed)} ({@code {2, 2, 3, 3, 3}} is VGG-16, {@code {2, 2, 4, 4, 4}}
     * VGG-19).
     */
    static List<KLayer> vggNoTop(int[] convs, int seed) {
        Weights w = new Weights(seed);
        List<KLayer> layers = new ArrayList<>();
        layers.add(KLayer.plain("input_1", "input_layer"));
        int in = 3;
        for (int b = 0; b < convs.length; b++) {
            for (int c = 1; c <= convs[b]; c++) {
                layers.add(w.conv("block" + (b + 1) + "_conv" + c, 3, in, VGG_FILTERS[b]));
                in = VGG_FILTERS[b];
            }
            layers.add(KLayer.plain("block" + (b + 1) + "_pool", "max_pooling2d"));
        }
        return layers;
    }

    /** The layers of {@code layers} that have weights, by name. */
    static Map<String, KLayer> byName(List<KLayer> layers) {
        Map<String, KLayer> m = new HashMap<>();
        layers.forEach(l -> m.put(l.name(), l));
        return m;
    }

    /** A copy of {@code layers} without the layer {@code name}. */
    static List<KLayer> without(List<KLayer> layers, String name) {
        List<KLayer> out = new ArrayList<>(layers);
        out.removeIf(l -> l.name().equals(name));
        return out;
    }
}
