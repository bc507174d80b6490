package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * ResNet-50 without the top in the layout of {@code model.save_weights("x.weights.h5")} in Keras 3
 * (23,587,712 parameters, 94 MB, random weights): every one of its 53 convolutions and 53 batch
 * norms is found by its position among the layers of its class, and the imported model computes
 * what Keras's ResNet50 computes.
 */
class ResNet50ImportTest {
    private static final int[][] FILTERS = {
        {64, 64, 256}, {128, 128, 512}, {256, 256, 1024}, {512, 512, 2048}
    };
    private static final int[] BLOCKS = {3, 4, 6, 3};

    @TempDir Path dir;

    @Test
    void should_compute_what_keras_resnet50_computes_from_a_keras3_file() {
        // given: Keras's layers in model.layers order, as resnet.py builds them
        Weights w = new Weights(50);
        List<KLayer> layers = new ArrayList<>();
        layers.add(KLayer.plain("input_1", "input_layer"));
        layers.add(KLayer.plain("conv1_pad", "zero_padding2d"));
        layers.add(w.conv("conv1_conv", 7, 3, 64));
        layers.add(w.batchNorm("conv1_bn", 64));
        layers.add(KLayer.plain("conv1_relu", "activation"));
        layers.add(KLayer.plain("pool1_pad", "zero_padding2d"));
        layers.add(KLayer.plain("pool1_pool", "max_pooling2d"));
        int in = 64;
        for (int s = 0; s < FILTERS.length; s++) {
            for (int b = 1; b <= BLOCKS[s]; b++) {
                String p = "conv" + (s + 2) + "_block" + b;
                ResidualImportTest.block(layers, w, p, in, b == 1, FILTERS[s]);
                in = FILTERS[s][2];
            }
        }
        Path file = Layout.KERAS3.write(dir.resolve("resnet50_notop.weights.h5"), layers);
        NdArray x = w.input(2, 32, 32, 3);
        Map<String, KLayer> k = KerasFixtures.byName(layers);
        float[] expected =
                Forward.reference(
                        keras -> {
                            Operand<TFloat32> h = keras.pad(keras.input(x), 3);
                            h = keras.conv(h, k.get("conv1_conv"), 2, "VALID");
                            h =
                                    keras.relu(
                                            keras.batchNorm(
                                                    h, k.get("conv1_bn"), ResidualImportTest.EPS));
                            h = keras.maxPool(keras.pad(h, 1), 3, 2, "VALID");
                            for (int s = 0; s < FILTERS.length; s++) {
                                for (int b = 1; b <= BLOCKS[s]; b++) {
                                    String p = "conv" + (s + 2) + "_block" + b;
                                    int stride = b == 1 && s > 0 ? 2 : 1;
                                    h = ResidualImportTest.block(keras, k, h, p, stride, b == 1);
                                }
                            }
                            return h;
                        });
        Map<String, Object> config =
                new ZooArchitectures()
                        .config(
                                "resnet50",
                                new ArchitectureSpec(new long[] {32, 32, 3}, 1000, false));
        // when
        Map<String, NdArray> weights = KerasWeights.read(file, config);
        // then
        assertThat(weights.keySet()).isEqualTo(KerasWeights.plan(config).shapes().keySet());
        Forward.assertCloseToScale(Forward.imported(config, weights, x), expected, 1e-5);
    }
}
