package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Layout;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.Weights;
import io.dlkit.testkit.TensorAsserts;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A small conv net (conv, batch norm, relu, pool, flatten, dense) in both Keras layouts: the
 * imported model computes what Keras computes, and every kind of mismatch is one line.
 */
class KerasWeightsTest {
    @TempDir Path dir;

    /**
     * input 6x6x3 -> conv 3x3 valid 4 -> bn -> relu -> pool 2 -> 2x2x4 -> flatten 16 -> dense 3.
     */
    static Map<String, Object> config() {
        return Map.of(
                "input_shape", List.of(6, 6, 3),
                "layers",
                        List.of(
                                Map.of(
                                        "type",
                                        "conv2d",
                                        "name",
                                        "conv",
                                        "filters",
                                        4,
                                        "kernel_size",
                                        3),
                                Map.of("type", "batch_norm", "name", "bn", "epsilon", 0.001),
                                Map.of("type", "activation", "name", "relu", "activation", "relu"),
                                Map.of(
                                        "type",
                                        "max_pool",
                                        "name",
                                        "pool",
                                        "pool_size",
                                        2,
                                        "strides",
                                        2),
                                Map.of("type", "flatten", "name", "flatten"),
                                Map.of(
                                        "type", "dense",
                                        "name", "predictions",
                                        "units", 3,
                                        "activation", "softmax")));
    }

    /** The same net as Keras layers, with random weights. */
    static List<KLayer> keras(Weights w) {
        return List.of(
                KLayer.plain("input_1", "input_layer"),
                w.conv("conv", 3, 3, 4),
                w.batchNorm("bn", 4),
                KLayer.plain("relu", "activation"),
                KLayer.plain("pool", "max_pooling2d"),
                KLayer.plain("flatten", "flatten"),
                w.dense("predictions", 16, 3));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void should_compute_what_keras_computes_with_the_imported_weights(Layout layout) {
        // given
        Weights w = new Weights(11);
        List<KLayer> layers = keras(w);
        Path file = layout.write(dir.resolve("small.h5"), layers);
        NdArray x = w.input(5, 6, 6, 3);
        Map<String, KLayer> k = KerasFixtures.byName(layers);
        float[] expected =
                Forward.reference(
                        keras -> {
                            Operand<TFloat32> h =
                                    keras.conv(keras.input(x), k.get("conv"), 1, "VALID");
                            h = keras.relu(keras.batchNorm(h, k.get("bn"), 0.001));
                            h = keras.flatten(keras.maxPool(h, 2, 2, "VALID"), 16);
                            return keras.softmax(keras.dense(h, k.get("predictions")));
                        });
        // when
        Map<String, NdArray> weights = KerasWeights.read(file, config());
        // then
        assertThat(weights.keySet())
                .containsExactly(
                        "conv_kernel",
                        "conv_bias",
                        "bn_gamma",
                        "bn_beta",
                        "bn_moving_mean",
                        "bn_moving_variance",
                        "predictions_kernel",
                        "predictions_bias");
        assertThat(weights.get("conv_kernel")).isEqualTo(k.get("conv").w(0));
        TensorAsserts.assertAllClose(Forward.imported(config(), weights, x), expected, 1e-5);
    }

    @Test
    void should_name_the_missing_layer_and_the_variable_it_is_needed_for() {
        List<KLayer> layers = KerasFixtures.without(keras(new Weights(1)), "bn");
        Path file = Layout.KERAS2.write(dir.resolve("small.h5"), layers);
        assertInvalid(
                file,
                file
                        + ": layer 'bn' is missing from this Keras 2 .h5 file; the model needs it for"
                        + " bn_gamma [4]");
    }

    @Test
    void should_name_a_missing_keras3_layer_by_its_path_and_its_keras_name() {
        List<KLayer> layers = KerasFixtures.without(keras(new Weights(1)), "bn");
        Path file = Layout.KERAS3.write(dir.resolve("small.weights.h5"), layers);
        assertInvalid(
                file,
                file
                        + ": layer 'layers/batch_normalization' (Keras layer bn) is missing from this"
                        + " Keras 3 .weights.h5 file; the model needs it for bn_gamma [4]");
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void should_name_the_layer_and_both_shapes_of_a_wrong_shape(Layout layout) {
        // given: conv with 5 filters where the model has 4
        Weights w = new Weights(2);
        List<KLayer> layers = new ArrayList<>(keras(w));
        layers.set(1, w.conv("conv", 3, 3, 5));
        Path file = layout.write(dir.resolve("small.h5"), layers);
        String layer =
                layout == Layout.KERAS2
                        ? "'conv' weight 'kernel:0'"
                        : "'layers/conv2d' (Keras layer conv) weight '0'";
        assertInvalid(
                file,
                file
                        + ": layer "
                        + layer
                        + " has shape [3, 3, 3, 5] but the model needs [3, 3, 3, 4]"
                        + " for conv_kernel");
    }

    @Test
    void should_refuse_a_layer_the_model_does_not_have() {
        Weights w = new Weights(3);
        List<KLayer> layers = new ArrayList<>(keras(w));
        layers.add(w.dense("fc_extra", 16, 2));
        Path file = Layout.KERAS2.write(dir.resolve("small.h5"), layers);
        assertInvalid(
                file,
                file
                        + ": unexpected layer 'fc_extra' with weights [kernel:0 [16, 2], bias:0 [2]]:"
                        + " the model has no such layer (a file for another architecture, or with"
                        + " the classifier top?)");
    }

    @Test
    void should_refuse_an_extra_keras3_layer_by_its_path() {
        Weights w = new Weights(3);
        List<KLayer> layers = new ArrayList<>(keras(w));
        layers.add(w.dense("fc_extra", 16, 2));
        Path file = Layout.KERAS3.write(dir.resolve("small.weights.h5"), layers);
        assertInvalid(
                file,
                file
                        + ": unexpected layer 'layers/dense_1' with weights [0 [16, 2], 1 [2]]: the"
                        + " model has no such layer (a file for another architecture, or with the"
                        + " classifier top?)");
    }

    @Test
    void should_refuse_a_batch_norm_without_its_moving_statistics() {
        Weights w = new Weights(4);
        List<KLayer> layers = new ArrayList<>(keras(w));
        KLayer bn = layers.get(2);
        layers.set(2, new KLayer("bn", bn.cls(), bn.weights().subList(0, 2)));
        Path file = Layout.KERAS2.write(dir.resolve("small.h5"), layers);
        assertInvalid(
                file,
                file
                        + ": layer 'bn' has 2 weights [gamma:0 [4], beta:0 [4]]; a BatchNormalization"
                        + " needs 4: gamma, beta, moving_mean, moving_variance (center and scale"
                        + " on)");
    }

    @Test
    void should_say_a_text_file_is_not_hdf5() throws Exception {
        Path file = Files.writeString(dir.resolve("weights.h5"), "not weights\n");
        assertInvalid(
                file,
                file + ": not an HDF5 file; a Keras .h5, .weights.h5 or .keras file is expected");
    }

    @Test
    void should_say_an_hdf5_file_without_keras_layout_is_not_keras_weights() {
        Path file = dir.resolve("data.h5");
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("x", new float[] {1, 2, 3});
        }
        assertInvalid(
                file,
                file
                        + ": an HDF5 file but not Keras weights: it has no 'layer_names' attribute"
                        + " (Keras 2 .h5) and no 'layers' group (Keras 3 .weights.h5)");
    }

    @Test
    void should_say_a_truncated_hdf5_file_is_damaged() throws Exception {
        // given: the first 4 KiB of a Keras file h5py wrote
        Path whole = Path.of(KerasWeightsTest.class.getResource("small_keras2.h5").toURI());
        Path file = dir.resolve("truncated.h5");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(whole), 4096));
        // then: jhdf's own words follow
        assertThatThrownBy(() -> KerasWeights.read(file, config()))
                .isInstanceOf(DlkitException.class)
                .hasMessageStartingWith(file + ": a damaged or unsupported HDF5 file: ");
    }

    @Test
    void should_say_a_zip_without_keras_weights_is_not_a_keras_archive() throws Exception {
        Path file = dir.resolve("model.keras");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertInvalid(
                file,
                file
                        + ": a zip archive without model.weights.h5; a .keras archive or an HDF5"
                        + " weights file is expected");
    }

    @Test
    void should_say_a_missing_file_is_missing() {
        Path file = dir.resolve("nowhere.h5");
        assertInvalid(file, file + ": no such file");
    }

    private static void assertInvalid(Path file, String message) {
        assertThatThrownBy(() -> KerasWeights.read(file, config()))
                .isInstanceOf(DlkitException.class)
                .hasMessage(message)
                .satisfies(
                        e -> assertThat(((DlkitException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
