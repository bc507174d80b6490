package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * VGG-16 without the top as {@code keras.applications} ships it ({@code
 * vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5}: a Keras 2 file, 13 conv layers, 14,714,688
 * parameters, 59 MB), with random weights since the real ones cannot be had offline. The full file
 * with the top (138,357,544 parameters, 553 MB) is left out as too big for a unit test; its top is
 * three dense layers of the kind the small net's test covers.
 */
class VggImportTest {
    private static final int[] CONVS = {2, 2, 3, 3, 3};

    @TempDir static Path dir;
    private static List<KLayer> layers;
    private static Path file;

    @BeforeAll
    static void writeFile() {
        layers = KerasFixtures.vggNoTop(CONVS, 16);
        file =
                Layout.KERAS2.write(
                        dir.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5"), layers);
    }

    @Test
    void should_compute_what_keras_vgg16_computes() {
        // given: 2 images of 32x32x3 (the smallest VGG input) and Keras's VGG16 written out
        Map<String, Object> config =
                new ZooArchitectures()
                        .config("vgg16", new ArchitectureSpec(new long[] {32, 32, 3}, 1000, false));
        NdArray x = new Weights(3).input(2, 32, 32, 3);
        Map<String, KLayer> k = KerasFixtures.byName(layers);
        float[] expected =
                Forward.reference(
                        keras -> {
                            Operand<TFloat32> h = keras.input(x);
                            for (int b = 1; b <= CONVS.length; b++) {
                                for (int c = 1; c <= CONVS[b - 1]; c++) {
                                    KLayer conv = k.get("block" + b + "_conv" + c);
                                    h = keras.relu(keras.conv(h, conv, 1, "SAME"));
                                }
                                h = keras.maxPool(h, 2, 2, "VALID");
                            }
                            return h;
                        });
        // when
        Map<String, NdArray> weights = KerasWeights.read(file, config);
        // then
        assertThat(weights).hasSize(26);
        assertThat(weights.values().stream().mapToLong(NdArray::size).sum()).isEqualTo(14_714_688L);
        Forward.assertCloseToScale(Forward.imported(config, weights, x), expected, 1e-5);
    }

    @Test
    void should_import_through_the_command_into_the_model_store() {
        // given
        CommandHarness dlkit = new CommandHarness(dir);
        // when
        int code =
                dlkit.execute(
                        "import-keras",
                        file.getFileName().toString(),
                        "--arch",
                        "vgg16",
                        "--no-top");
        // then
        assertThat(code).as(dlkit.err()).isZero();
        Path model = dir.resolve("vgg16_weights_tf_dim_ordering_tf_kernels_notop");
        assertThat(dlkit.out())
                .isEqualTo(
                        "imported vgg16 (no top): 26 variables, 14,714,688 parameters -> "
                                + model
                                + "\n");
        assertThat(dlkit.created().dir()).isEqualTo(model);
        assertThat(dlkit.created().config())
                .isEqualTo(
                        new ZooArchitectures()
                                .config(
                                        "vgg16",
                                        new ArchitectureSpec(
                                                new long[] {224, 224, 3}, 1000, false)));
        assertThat(dlkit.created().weights().get("block5_conv3_kernel"))
                .isEqualTo(KerasFixtures.byName(layers).get("block5_conv3").w(0));
        assertThat(dlkit.created().metadata())
                .isEqualTo(
                        Map.of(
                                "source",
                                Map.of(
                                        "format", "keras",
                                        "file", file.getFileName().toString(),
                                        "architecture", "vgg16",
                                        "include_top", false,
                                        "preprocessing", "caffe")));
    }

    @Test
    void should_say_the_file_lacks_the_top_when_imported_with_it() {
        CommandHarness dlkit = new CommandHarness(dir);
        int code = dlkit.execute("import-keras", file.toString(), "--arch", "vgg16", "-o", "out");
        assertThat(code).isEqualTo(2);
        assertThat(dlkit.err())
                .isEqualTo(
                        "error: "
                                + file
                                + ": layer 'fc1' is missing from this Keras 2 .h5 file; the"
                                + " model needs it for fc1_kernel [25088, 4096]\n");
        assertThat(dlkit.createdCount()).isZero();
    }

    @Test
    void should_name_the_first_layer_vgg19_has_and_the_file_lacks() {
        CommandHarness dlkit = new CommandHarness(dir);
        int code = dlkit.execute("import-keras", file.toString(), "--arch", "VGG19", "--no-top");
        assertThat(code).isEqualTo(2);
        assertThat(dlkit.err())
                .isEqualTo(
                        "error: "
                                + file
                                + ": layer 'block3_conv4' is missing from this Keras 2 .h5"
                                + " file; the model needs it for block3_conv4_kernel [3, 3, 256,"
                                + " 256]\n");
    }

    @Test
    void should_refuse_an_architecture_keras_has_no_weights_for() {
        CommandHarness dlkit = new CommandHarness(dir);
        int code = dlkit.execute("import-keras", file.toString(), "--arch", "lenet5");
        assertThat(code).isEqualTo(2);
        assertThat(dlkit.err())
                .isEqualTo(
                        "error: --arch: 'lenet5' has no Keras weights layout; choose vgg16, vgg19,"
                                + " resnet50\n");
    }
}
