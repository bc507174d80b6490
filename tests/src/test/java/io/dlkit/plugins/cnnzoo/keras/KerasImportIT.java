package io.dlkit.plugins.cnnzoo.keras;

import static io.dlkit.plugins.cnnzoo.keras.KerasCli.dlkit;
import static io.dlkit.plugins.cnnzoo.keras.KerasCli.importNoTop;
import static io.dlkit.plugins.cnnzoo.keras.KerasFixtures.vggNoTop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import io.dlkit.tests.DlkitProcess.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * {@code dlkit zoo import-keras} through the real CLI and the host's model store: a VGG-16 (no top)
 * weight file in the Keras 2 layout, with random weights, becomes a model directory whose {@code
 * dlkit predict} output equals the Keras computation done independently with plain TF ops. (It
 * lives in the importer's package to reuse the plugin's test fixtures.)
 */
class KerasImportIT {
    private static final int[] CONVS = {2, 2, 3, 3, 3};

    @TempDir Path dir;

    @Test
    void imported_vgg16_should_predict_what_the_keras_weights_compute() throws Exception {
        // given: Keras's VGG16 no-top weight file and two 32x32x3 images
        List<KLayer> layers = vggNoTop(CONVS, 16);
        Path h5 =
                Layout.KERAS2.write(
                        dir.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"), layers);
        NdArray x = new Weights(3).input(2, 32, 32, 3);
        Map<String, NdArray> data = new LinkedHashMap<>();
        data.put("x", x);
        data.put("y", NdArray.of(new int[] {0, 0}, 2));
        Path npz = dir.resolve("images.npz");
        Npz.write(npz, data);
        float[] expected = keras(layers, x);

        // when
        Result imported = importNoTop(dir, h5, "vgg16", "32x32x3");
        Result predicted =
                dlkit(
                        dir,
                        "--format",
                        "json",
                        "predict",
                        dir.resolve("vgg16").toString(),
                        "--data",
                        npz.toString());

        // then
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("14,714,688 parameters");
        assertThat(dir.resolve("vgg16/model.yaml")).exists();
        assertThat(predicted.exitCode()).as(predicted.err()).isZero();
        List<Double> actual = new ArrayList<>();
        for (String line : predicted.out().strip().split("\n")) {
            for (JsonNode v : new ObjectMapper().readTree(line).get("outputs"))
                actual.add(v.asDouble());
        }
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual.get(i))
                    .as("output " + i)
                    .isCloseTo(expected[i], within(1e-4 + 1e-4 * Math.abs(expected[i])));
        }
    }

    @Test
    void a_file_for_another_architecture_should_be_a_one_line_error() throws Exception {
        List<KLayer> layers = vggNoTop(CONVS, 16);
        Path h5 = Layout.KERAS2.write(dir.resolve("vgg16_notop.h5"), layers);
        Result r = importNoTop(dir, h5, "vgg19", "32x32x3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).count()).isEqualTo(1);
        assertThat(r.err()).contains("block3_conv4");
        assertThat(dir.resolve("vgg19/model.yaml")).doesNotExist();
    }

    private static float[] keras(List<KLayer> layers, NdArray x) {
        Map<String, KLayer> k = KerasFixtures.byName(layers);
        return Forward.reference(
                keras -> {
                    Operand<TFloat32> h = keras.input(x);
                    for (int b = 1; b <= CONVS.length; b++) {
                        for (int c = 1; c <= CONVS[b - 1]; c++) {
                            h =
                                    keras.relu(
                                            keras.conv(
                                                    h,
                                                    k.get("block" + b + "_conv" + c),
                                                    1,
                                                    "SAME"));
                        }
                        h = keras.maxPool(h, 2, 2, "VALID");
                    }
                    return h;
                });
    }
}
