package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.io.DataFormatException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
    @TempDir Path root;

    @Test
    void should_number_classes_by_sorted_name_and_spread_each_class_over_the_data_set()
            throws Exception {
        // given: 4 cats and 2 dogs, each a 2x2 grey PNG of one value that names it
        for (int j = 0; j < 4; j++) grey(root.resolve("cat/c" + j + ".png"), 2, 2, 10 + j);
        for (int j = 0; j < 2; j++) grey(root.resolve("dog/d" + j + ".PNG"), 2, 2, 20 + j);
        Files.writeString(root.resolve("dog/notes.txt"), "not an image");
        Files.writeString(root.resolve("README.md"), "not a class");

        // when
        ImageFolderReader.Result r = reader(2, 2, 1).read(root);

        // then: sample j of a class of n sits at (j + 0.5) / n: cats at 1/8, 3/8, 5/8, 7/8 and
        // dogs at 2/8, 6/8
        assertThat(r.classNames()).containsExactly("cat", "dog");
        assertThat(r.files())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("c0.png", "d0.PNG", "c1.png", "c2.png", "d1.PNG", "c3.png");
        Dataset d = r.dataset();
        assertThat(d.labels()).containsExactly(0, 1, 0, 0, 1, 0);
        assertThat(d.numClasses()).isEqualTo(2);
        assertThat(d.featureShape()).containsExactly(2, 2, 1);
        float[] x = d.features();
        int[] expected = {10, 20, 11, 12, 21, 13};
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k < 4; k++) assertThat(x[i * 4 + k]).isEqualTo(expected[i] / 255f);
        }
    }

    @Test
    void should_resize_each_image_bilinearly_to_the_requested_size() throws Exception {
        // given: a 4x4 grey image v(y, x) = 16 y + 4 x
        int[] v = new int[16];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 4; x++) v[y * 4 + x] = 16 * y + 4 * x;
        write(image(BufferedImage.TYPE_BYTE_GRAY, 4, 4, v), root.resolve("a/img.png"));

        // when
        Dataset d = reader(2, 2, 1).read(root).dataset();

        // then: halving with half-pixel centres samples at 0.5 and 2.5, the mean of each 2x2
        // block: (0 + 4 + 16 + 20) / 4 = 10, then 18, 42, 50
        assertThat(d.features())
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-6f ? 0 : 1)
                .containsExactly(10 / 255f, 18 / 255f, 42 / 255f, 50 / 255f);
    }

    @Test
    void should_convert_rgb_to_grey_and_grey_to_rgb() throws Exception {
        // given: one RGB pixel (255, 0, 0) and one grey pixel 51
        write(
                image(BufferedImage.TYPE_3BYTE_BGR, 1, 1, new int[] {255, 0, 0}),
                root.resolve("a/red.png"));
        grey(root.resolve("b/grey.png"), 1, 1, 51);

        // when
        float[] grey = reader(1, 1, 1).read(root).dataset().features();
        float[] rgb = reader(1, 1, 3).read(root).dataset().features();

        // then: luma 0.299 R + 0.587 G + 0.114 B; grey replicated into R, G and B
        assertThat(grey[0]).isCloseTo(0.299f, within(1e-6f));
        assertThat(grey[1]).isEqualTo(51 / 255f);
        assertThat(rgb).containsExactly(1f, 0f, 0f, 0.2f, 0.2f, 0.2f);
    }

    @Test
    void should_read_jpeg_files() throws Exception {
        // given
        int[] v = new int[8 * 8 * 3];
        java.util.Arrays.fill(v, 128);
        write(image(BufferedImage.TYPE_3BYTE_BGR, 8, 8, v), root.resolve("x/a.jpg"));

        // when
        Dataset d = reader(4, 4, 3).read(root).dataset();

        // then: a flat grey survives JPEG's rounding within 2 levels
        assertThat(d.size()).isEqualTo(1);
        for (float f : d.features()) assertThat(f).isCloseTo(128 / 255f, within(2 / 255f));
    }

    @Test
    void should_number_classes_as_fixed_class_names_say() throws Exception {
        // given: a test folder holding only one of the model's classes
        grey(root.resolve("tulip/a.png"), 1, 1, 0);

        // when
        ImageFolderReader r =
                ImageFolderReader.builder()
                        .setSize(1, 1)
                        .optChannels(1)
                        .optClassNames(List.of("daisy", "rose", "tulip"))
                        .build();
        ImageFolderReader.Result result = r.read(root);

        // then
        assertThat(result.dataset().labels()).containsExactly(2);
        assertThat(result.dataset().numClasses()).isEqualTo(3);
        assertThat(result.classNames()).containsExactly("daisy", "rose", "tulip");
    }

    @Test
    void should_reject_a_class_the_fixed_class_names_lack() throws Exception {
        grey(root.resolve("cactus/a.png"), 1, 1, 0);
        ImageFolderReader r =
                ImageFolderReader.builder()
                        .setSize(1, 1)
                        .optClassNames(List.of("daisy", "rose"))
                        .build();

        assertThatThrownBy(() -> r.read(root))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        root.resolve("cactus")
                                + ": class 'cactus' is not one of the model's classes [daisy,"
                                + " rose]; rename or remove the folder");
    }

    @Test
    void should_reject_a_folder_without_class_folders() throws Exception {
        Files.writeString(root.resolve("a.png"), "");

        assertThatThrownBy(() -> reader(2, 2, 1).read(root))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        root
                                + ": the folder has no class sub-folders; an image folder holds"
                                + " one sub-folder of images per class (root/cat/*.jpg,"
                                + " root/dog/*.jpg)");
    }

    @Test
    void should_reject_a_class_folder_without_images() throws Exception {
        grey(root.resolve("cat/a.png"), 1, 1, 0);
        Files.createDirectories(root.resolve("dog"));
        Files.writeString(root.resolve("dog/list.txt"), "d1.jpg");

        assertThatThrownBy(() -> reader(1, 1, 1).read(root))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        root.resolve("dog")
                                + ": the class folder has no images (.bmp, .gif, .jpeg, .jpg,"
                                + " .png); add some or remove it");
    }

    @Test
    void should_name_the_file_that_is_not_an_image() throws Exception {
        grey(root.resolve("cat/a.png"), 1, 1, 0);
        Path bad = Files.writeString(root.resolve("cat/b.png"), "this is text");

        assertThatThrownBy(() -> reader(1, 1, 1).read(root))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(bad + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void should_say_when_the_folder_does_not_exist() {
        assertThatThrownBy(() -> reader(1, 1, 1).read(root.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void should_tell_image_folders_from_idx_folders_and_files() throws Exception {
        // given
        Path images = root.resolve("images");
        grey(images.resolve("cat/a.png"), 1, 1, 0);
        Path idx = root.resolve("idx");
        Files.createDirectories(idx.resolve("cat"));
        grey(idx.resolve("cat/a.png"), 1, 1, 0);
        IdxFiles.write(
                idx.resolve("train-images-idx3-ubyte"), IdxFiles.images(0, 1, 1, new byte[0]));
        Path empty = Files.createDirectories(root.resolve("empty/cat"));

        // then
        assertThat(ImageFolderReader.isImageFolder(images)).isTrue();
        assertThat(ImageFolderReader.isImageFolder(idx)).isFalse();
        assertThat(ImageFolderReader.isImageFolder(empty.getParent())).isFalse();
        assertThat(ImageFolderReader.isImageFolder(images.resolve("cat/a.png"))).isFalse();
    }

    @Test
    void should_load_an_image_folder_through_datasets_with_the_model_input_shape()
            throws Exception {
        // given
        grey(root.resolve("cat/a.png"), 4, 4, 51);

        // when
        Dataset d = Datasets.load(root, 2, 2, 3);

        // then
        assertThat(d.featureShape()).containsExactly(2, 2, 3);
        assertThat(d.features()).containsOnly(0.2f);
        assertThatThrownBy(() -> Datasets.load(root))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        root
                                + ": an image folder (one sub-folder per class); its images need"
                                + " a size: use load(path, featureShape) or ImageFolderReader");
        assertThatThrownBy(() -> Datasets.load(root, 784))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        root
                                + ": an image folder gives samples of shape [height, width,"
                                + " channels] with 1, 3 or 4 channels, but the model takes [784];"
                                + " give the model such an input_shape");
    }

    @Test
    void should_load_idx_files_named_without_a_prefix() throws Exception {
        // given: the layout of ../shared/data/digits/mnist-10k
        IdxFiles.writeGz(
                root.resolve("images-idx3-ubyte.gz"),
                IdxFiles.images(1, 1, 2, new byte[] {0, (byte) 255}));
        IdxFiles.writeGz(root.resolve("labels-idx1-ubyte.gz"), IdxFiles.labels(1, new byte[] {7}));

        // when
        Dataset d = Datasets.load(root.resolve("images-idx3-ubyte.gz"));

        // then
        assertThat(d.labels()).containsExactly(7);
        assertThat(d.features()).containsExactly(0f, 1f);
    }

    private static ImageFolderReader reader(int h, int w, int c) {
        return ImageFolderReader.builder().setSize(h, w).optChannels(c).build();
    }

    private static void grey(Path file, int h, int w, int value) throws Exception {
        int[] v = new int[h * w];
        java.util.Arrays.fill(v, value);
        write(image(BufferedImage.TYPE_BYTE_GRAY, w, h, v), file);
    }

    private static BufferedImage image(int type, int width, int height, int[] samples) {
        BufferedImage bi = new BufferedImage(width, height, type);
        bi.getRaster().setPixels(0, 0, width, height, samples);
        return bi;
    }

    private static void write(BufferedImage image, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String format = name.endsWith(".jpg") ? "jpg" : "png";
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
    }
}
