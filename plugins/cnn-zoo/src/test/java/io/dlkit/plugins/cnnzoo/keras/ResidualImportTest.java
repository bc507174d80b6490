package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.cnnzoo.keras.Forward.Keras;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import io.dlkit.testkit.TensorAsserts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A small ResNet laid out and named as {@code keras.applications.ResNet50} (stem, a convolutional
 * block, an identity block, a strided convolutional block, average pool, softmax): the imported
 * dlkit model computes what Keras computes. Keras's block convolutions have biases and its batch
 * norms epsilon 1.001e-5; dlkit's blocks have no biases (folded into the moving mean) or, with
 * {@code use_bias: true}, take them as they are, and normalise with their {@code bn_epsilon}:
 * dlkit's default 1e-3 (made up in the moving variance) or Keras's. In {@code conv2_block1} the
 * shortcut {@code _0_conv} and the last {@code _3_conv} have the same shape {@code [1, 1, 2, 6]},
 * so only Keras's layer order tells them apart in a Keras 3 file.
 */
class ResidualImportTest {
    static final double EPS = 1.001e-5;

    @TempDir Path dir;

    /** Layout, use_bias, bn_epsilon (null: dlkit's default 1e-3). */
    static Stream<Arguments> cases() {
        return Stream.of(Layout.values())
                .flatMap(
                        l ->
                                Stream.of(
                                        Arguments.of(l, false, null),
                                        Arguments.of(l, true, null),
                                        Arguments.of(l, false, EPS),
                                        Arguments.of(l, true, EPS)));
    }

    /** 8x8x3 -> stem 2 channels -> [2,2,6] s1 -> [2,2,6] identity -> [3,3,8] s2 -> pool -> 3. */
    static Map<String, Object> config(boolean useBias, Double bnEpsilon) {
        List<Map<String, Object>> layers = new ArrayList<>();
        layers.add(Map.of("type", "zero_padding", "name", "conv1_pad", "padding", 1));
        layers.add(Map.of("type", "conv2d", "name", "conv1_conv", "filters", 2, "kernel_size", 3));
        layers.add(Map.of("type", "batch_norm", "name", "conv1_bn", "epsilon", EPS));
        layers.add(Map.of("type", "activation", "name", "conv1_relu", "activation", "relu"));
        layers.add(block("conv2_block1_out", "convolutional", 1, useBias, bnEpsilon, 2, 2, 6));
        layers.add(block("conv2_block2_out", "identity", 1, useBias, bnEpsilon, 2, 2, 6));
        layers.add(block("conv3_block1_out", "convolutional", 2, useBias, bnEpsilon, 3, 3, 8));
        layers.add(Map.of("type", "global_avg_pool", "name", "avg_pool"));
        layers.add(
                Map.of(
                        "type",
                        "dense",
                        "name",
                        "predictions",
                        "units",
                        3,
                        "activation",
                        "softmax"));
        return Map.of("input_shape", List.of(8, 8, 3), "layers", layers);
    }

    private static Map<String, Object> block(
            String name,
            String kind,
            int strides,
            boolean useBias,
            Double bnEpsilon,
            int... filters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "residual_block");
        m.put("name", name);
        m.put("block", kind);
        m.put("filters", List.of(filters[0], filters[1], filters[2]));
        if (kind.equals("convolutional")) {
            m.put("strides", strides);
        }
        if (useBias) {
            m.put("use_bias", true);
        }
        if (bnEpsilon != null) {
            m.put("bn_epsilon", bnEpsilon);
        }
        return m;
    }

    /** The Keras layers in Keras's model.layers order (by depth, shortcut before main path). */
    static List<KLayer> keras(Weights w) {
        List<KLayer> k = new ArrayList<>();
        k.add(KLayer.plain("input_1", "input_layer"));
        k.add(KLayer.plain("conv1_pad", "zero_padding2d"));
        k.add(w.conv("conv1_conv", 3, 3, 2));
        k.add(w.batchNorm("conv1_bn", 2));
        k.add(KLayer.plain("conv1_relu", "activation"));
        block(k, w, "conv2_block1", 2, true, 2, 2, 6);
        block(k, w, "conv2_block2", 6, false, 2, 2, 6);
        block(k, w, "conv3_block1", 6, true, 3, 3, 8);
        k.add(KLayer.plain("avg_pool", "global_average_pooling2d"));
        k.add(w.dense("predictions", 8, 3));
        return k;
    }

    /** Appends Keras ResNet block {@code p}'s layers in model order. */
    static void block(List<KLayer> k, Weights w, String p, int in, boolean shortcut, int... f) {
        k.add(w.conv(p + "_1_conv", 1, in, f[0]));
        k.add(w.batchNorm(p + "_1_bn", f[0]));
        k.add(KLayer.plain(p + "_1_relu", "activation"));
        k.add(w.conv(p + "_2_conv", 3, f[0], f[1]));
        k.add(w.batchNorm(p + "_2_bn", f[1]));
        k.add(KLayer.plain(p + "_2_relu", "activation"));
        if (shortcut) {
            k.add(w.conv(p + "_0_conv", 1, in, f[2]));
        }
        k.add(w.conv(p + "_3_conv", 1, f[1], f[2]));
        if (shortcut) {
            k.add(w.batchNorm(p + "_0_bn", f[2]));
        }
        k.add(w.batchNorm(p + "_3_bn", f[2]));
        k.add(KLayer.plain(p + "_add", "add"));
        k.add(KLayer.plain(p + "_out", "activation"));
    }

    /** Keras ResNet's block1/block2 (resnet.py), written out. */
    static Operand<TFloat32> block(
            Keras keras,
            Map<String, KLayer> k,
            Operand<TFloat32> x,
            String p,
            int s,
            boolean conv) {
        Operand<TFloat32> shortcut =
                conv
                        ? keras.batchNorm(
                                keras.conv(x, k.get(p + "_0_conv"), s, "VALID"),
                                k.get(p + "_0_bn"),
                                EPS)
                        : x;
        Operand<TFloat32> h = keras.conv(x, k.get(p + "_1_conv"), s, "VALID");
        h = keras.relu(keras.batchNorm(h, k.get(p + "_1_bn"), EPS));
        h =
                keras.relu(
                        keras.batchNorm(
                                keras.conv(h, k.get(p + "_2_conv"), 1, "SAME"),
                                k.get(p + "_2_bn"),
                                EPS));
        h =
                keras.batchNorm(
                        keras.conv(h, k.get(p + "_3_conv"), 1, "VALID"), k.get(p + "_3_bn"), EPS);
        return keras.relu(keras.add(shortcut, h));
    }

    @ParameterizedTest(name = "{0}, use_bias {1}, bn_epsilon {2}")
    @MethodSource("cases")
    void should_compute_what_keras_resnet_computes(
            Layout layout, boolean useBias, Double bnEpsilon) {
        // given
        Weights w = new Weights(5);
        List<KLayer> layers = keras(w);
        Path file = layout.write(dir.resolve("resnet.h5"), layers);
        NdArray x = w.input(4, 8, 8, 3);
        Map<String, KLayer> k = KerasFixtures.byName(layers);
        float[] expected =
                Forward.reference(
                        keras -> {
                            Operand<TFloat32> h = keras.pad(keras.input(x), 1);
                            h = keras.conv(h, k.get("conv1_conv"), 1, "VALID");
                            h = keras.relu(keras.batchNorm(h, k.get("conv1_bn"), EPS));
                            h = block(keras, k, h, "conv2_block1", 1, true);
                            h = block(keras, k, h, "conv2_block2", 1, false);
                            h = block(keras, k, h, "conv3_block1", 2, true);
                            h = keras.globalAvgPool(h);
                            return keras.softmax(keras.dense(h, k.get("predictions")));
                        });
        // when
        Map<String, NdArray> weights = KerasWeights.read(file, config(useBias, bnEpsilon));
        // then
        assertThat(weights).containsKey("conv2_block1_out_shortcut_moving_mean");
        assertThat(weights.containsKey("conv2_block1_out_conv1_bias")).isEqualTo(useBias);
        float[] got = Forward.imported(config(useBias, bnEpsilon), weights, x);
        TensorAsserts.assertAllClose(got, expected, 1e-5);
    }
}
