package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.SharedTestData;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir Path dir;

    private static final byte[] PIXELS = {0, (byte) 255, 51, 102};

    private void idxPair(String prefix, boolean gz) throws Exception {
        String ext = gz ? ".gz" : "";
        byte[] x = IdxFiles.images(1, 2, 2, PIXELS);
        byte[] y = IdxFiles.labels(1, new byte[] {prefix.equals("train") ? (byte) 4 : (byte) 1});
        Path xf = dir.resolve(prefix + "-images-idx3-ubyte" + ext);
        Path yf = dir.resolve(prefix + "-labels-idx1-ubyte" + ext);
        if (gz) {
            IdxFiles.writeGz(xf, x);
            IdxFiles.writeGz(yf, y);
        } else {
            IdxFiles.write(xf, x);
            IdxFiles.write(yf, y);
        }
    }

    @Test
    void should_load_a_folder_in_the_fashion_mnist_layout() throws Exception {
        // given
        idxPair("train", true);
        idxPair("t10k", false);

        // when
        Dataset train = Datasets.load(dir);
        Dataset test = Datasets.loadIdxFolder(dir, Datasets.TEST);

        // then
        assertThat(train.labels()).containsExactly(4);
        assertThat(train.features()).containsExactly(0f, 1f, 0.2f, 0.4f);
        assertThat(test.labels()).containsExactly(1);
    }

    @Test
    void should_find_the_labels_beside_an_images_file() throws Exception {
        idxPair("t10k", true);

        Dataset d = Datasets.load(dir.resolve("t10k-images-idx3-ubyte.gz"));

        assertThat(d.labels()).containsExactly(1);
        assertThat(d.featureShape()).containsExactly(2, 2, 1);
    }

    @Test
    void should_choose_the_reader_by_extension() throws Exception {
        Path csv = Files.writeString(dir.resolve("iris.CSV"), "a,label\n0.5,1\n");
        Path npz = dir.resolve("d.npz");
        Npz.write(
                npz,
                Map.of(
                        "x",
                        NdArray.of(new float[] {0.5f}, 1, 1),
                        "y",
                        NdArray.of(new int[] {1}, 1)));

        for (Path p : new Path[] {csv, npz}) {
            Dataset d = Datasets.load(p);
            assertThat(d.features()).containsExactly(0.5f);
            assertThat(d.labels()).containsExactly(1);
        }
    }

    @Test
    void should_reject_an_unknown_format() throws Exception {
        Path file = Files.writeString(dir.resolve("data.txt"), "1 2 3");

        assertThatThrownBy(() -> Datasets.load(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": unknown data set format; expected a .csv file, a .npz"
                                + " archive, an IDX *-images-idx3-ubyte[.gz] file or a folder holding"
                                + " train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz");
    }

    @Test
    void should_name_the_missing_files_of_a_folder() {
        assertThatThrownBy(() -> Datasets.load(dir))
                .hasMessage(
                        dir
                                + ": no train-images-idx3-ubyte.gz (or train-images-idx3-ubyte) in"
                                + " this folder; an MNIST-style folder holds train-images-idx3-ubyte.gz"
                                + " and train-labels-idx1-ubyte.gz");
    }

    @Test
    void should_name_a_missing_labels_file() throws Exception {
        Path x =
                IdxFiles.write(
                        dir.resolve("train-images-idx3-ubyte"), IdxFiles.images(1, 2, 2, PIXELS));

        assertThatThrownBy(() -> Datasets.load(x))
                .hasMessage(
                        x
                                + ": its labels file train-labels-idx1-ubyte is missing; put it"
                                + " beside the images or use loadIdxPair");
    }

    @Test
    void should_point_from_a_labels_file_to_its_images() throws Exception {
        idxPair("train", true);
        Path y = dir.resolve("train-labels-idx1-ubyte.gz");

        assertThatThrownBy(() -> Datasets.load(y))
                .hasMessage(
                        y
                                + ": this is an IDX labels file; load the images file"
                                + " (train-images-idx3-ubyte.gz) or the folder instead");
    }

    @Test
    void should_read_the_real_fashion_mnist_test_set() throws Exception {
        // given
        String shared = System.getProperty("dlkit.shared.dir", "../shared");
        Path folder = Path.of(shared, "data", "digits", "fashion-mnist");
        SharedTestData.present(folder.resolve("t10k-images-idx3-ubyte.gz"));

        // when
        Dataset test = Datasets.loadIdxFolder(folder, Datasets.TEST);

        // then: 10000 images of 28x28, 1000 per class
        assertThat(test.size()).isEqualTo(10000);
        assertThat(test.featureSize()).isEqualTo(784);
        assertThat(test.featureShape()).containsExactly(28, 28, 1);
        assertThat(test.numClasses()).isEqualTo(10);
        int[] thousand = new int[10];
        Arrays.fill(thousand, 1000);
        assertThat(test.classCounts()).containsExactly(thousand);
        float[] x = test.features();
        float min = 1, max = 0;
        for (float v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }
}
