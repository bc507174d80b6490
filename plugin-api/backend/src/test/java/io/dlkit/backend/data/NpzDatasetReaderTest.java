package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzDatasetReaderTest {
    @TempDir Path dir;

    private Path npz(Object... namesAndArrays) throws Exception {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            arrays.put((String) namesAndArrays[i], (NdArray) namesAndArrays[i + 1]);
        }
        Path file = dir.resolve("train.npz");
        Npz.write(file, arrays);
        return file;
    }

    @Test
    void should_read_float_features_and_integer_class_ids() throws Exception {
        // given: 3 samples of shape (2, 2)
        float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        Path file = npz("x", NdArray.of(x, 3, 2, 2), "y", NdArray.of(new long[] {2, 0, 1}, 3));

        // when
        Dataset d = NpzDatasetReader.read(file);

        // then
        assertThat(d.features()).containsExactly(x);
        assertThat(d.featureShape()).containsExactly(2, 2);
        assertThat(d.labels()).containsExactly(2, 0, 1);
        assertThat(d.numClasses()).isEqualTo(3);
    }

    @Test
    void should_scale_uint8_features_and_accept_capital_names() throws Exception {
        Path file =
                npz(
                        "X",
                        NdArray.of(new byte[] {0, (byte) 255, 51, 102}, 2, 2),
                        "Y",
                        NdArray.of(new int[] {1, 0}, 2));

        Dataset d = NpzDatasetReader.read(file);

        assertThat(d.features()).containsExactly(0f, 1f, 51 / 255f, 102 / 255f);
        assertThat(d.labels()).containsExactly(1, 0);
    }

    @Test
    void should_read_float_labels_as_regression_targets() throws Exception {
        Path file =
                npz(
                        "features",
                        NdArray.of(new double[] {1, 2, 3}, 3),
                        "labels",
                        NdArray.of(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, 3, 2));

        Dataset d = NpzDatasetReader.read(file);

        assertThat(d.featureShape()).containsExactly(1);
        assertThat(d.hasClassLabels()).isFalse();
        assertThat(d.targetShape()).containsExactly(2);
        assertThat(d.targets()).containsExactly(0.5f, 1f, 1.5f, 2f, 2.5f, 3f);
    }

    @Test
    void should_reject_arrays_of_different_sample_counts() throws Exception {
        Path file = npz("x", NdArray.of(new float[8], 2, 4), "y", NdArray.of(new int[3], 3));

        assertThatThrownBy(() -> NpzDatasetReader.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": x has 2 samples (shape (2, 4)) but y has 3 (shape (3,));"
                                + " their first dimensions must agree");
    }

    @Test
    void should_name_the_expected_arrays_when_one_is_missing() throws Exception {
        Path file = npz("x", NdArray.of(new float[2], 2), "target", NdArray.of(new int[2], 2));

        assertThatThrownBy(() -> NpzDatasetReader.read(file))
                .hasMessage(
                        file
                                + ": no labels array; expected one named y, Y or labels (the"
                                + " archive holds: x, target)");
    }

    @Test
    void should_reject_scalar_features() throws Exception {
        Path file = npz("x", NdArray.of(new float[] {1}), "y", NdArray.of(new int[1], 1));

        assertThatThrownBy(() -> NpzDatasetReader.read(file))
                .hasMessage(file + ": x is a scalar; expected an array of shape (samples, ...)");
    }

    @Test
    void should_reject_negative_class_ids() throws Exception {
        Path file = npz("x", NdArray.of(new float[2], 2), "y", NdArray.of(new int[] {0, -2}, 2));

        assertThatThrownBy(() -> NpzDatasetReader.read(file))
                .hasMessage(
                        file
                                + ": y[1] is -2; class labels must be integers 0..K-1 (K at most"
                                + " 1048576)");
    }

    @Test
    void should_reject_an_empty_file() throws Exception {
        Path file = Files.write(dir.resolve("empty.npz"), new byte[0]);

        assertThatThrownBy(() -> NpzDatasetReader.read(file))
                .hasMessage(file + ": the file is empty; expected a NumPy .npz archive");
    }
}
