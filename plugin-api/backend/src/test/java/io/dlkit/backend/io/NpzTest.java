package io.dlkit.backend.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir Path dir;

    private static LinkedHashMap<String, NdArray> sample() {
        LinkedHashMap<String, NdArray> m = new LinkedHashMap<>();
        m.put("z_kernel", NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        m.put("a_bias", NdArray.of(new double[] {-0.5}, 1));
        m.put("step", NdArray.of(new long[] {1234}));
        m.put("mask", NdArray.of(new boolean[] {true, false}, 2));
        return m;
    }

    @Test
    void should_round_trip_arrays_in_order_as_stored_npy_entries() throws Exception {
        // given
        Path file = dir.resolve("model.npz");

        // when
        Npz.write(file, sample());
        Map<String, NdArray> back = Npz.read(file);

        // then
        assertThat(back).containsExactlyEntriesOf(sample());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry kernel = zip.getEntry("z_kernel.npy");
            assertThat(kernel.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(zip.getInputStream(kernel).readAllBytes())
                    .isEqualTo(Npy.toBytes(sample().get("z_kernel")));
        }
    }

    @Test
    void should_write_identical_bytes_for_identical_content() throws Exception {
        // given
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");

        // when
        Npz.write(a, sample());
        Thread.sleep(2100); // zip times have a 2 s resolution; a time stamp would differ
        Npz.write(b, sample());

        // then
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void should_read_deflated_entries_as_savez_compressed_writes_them() throws Exception {
        // given
        Path file = dir.resolve("compressed.npz");
        NdArray big = NdArray.of(new int[1000], 10, 100);
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.putNextEntry(new ZipEntry("arr_0.npy"));
            zip.write(Npy.toBytes(big));
            zip.closeEntry();
        }

        // when
        Map<String, NdArray> back = Npz.read(file);

        // then
        assertThat(back).containsOnlyKeys("arr_0");
        assertThat(back.get("arr_0")).isEqualTo(big);
        assertThat(Files.size(file)).isLessThan(1000);
    }

    @Test
    void should_reject_random_bytes_naming_the_file() throws Exception {
        // given
        byte[] garbage = new byte[10 << 20];
        new Random(11).nextBytes(garbage);
        Path file = dir.resolve("garbage.npz");
        Files.write(file, garbage);

        // when / then
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": not a NumPy .npz archive (not a readable zip: zip END header not"
                                + " found); check the path or save it again with numpy.savez");
    }

    @Test
    void should_reject_an_empty_file() throws Exception {
        // given
        Path file = Files.createFile(dir.resolve("empty.npz"));

        // when / then
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": the file is empty; expected a NumPy .npz archive");
    }

    @Test
    void should_name_the_entry_that_is_not_an_array() throws Exception {
        // given
        Path file = zipOf("readme.txt", "hello".getBytes());

        // when / then
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": entry 'readme.txt' is not a .npy array; an .npz archive must"
                                + " hold only .npy entries");
    }

    @Test
    void should_name_the_entry_whose_array_is_corrupt() throws Exception {
        // given
        byte[] cut = java.util.Arrays.copyOf(Npy.toBytes(NdArray.of(new float[4], 4)), 130);
        Path file = zipOf("w.npy", cut);

        // when / then
        assertThatThrownBy(() -> Npz.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + " entry 'w.npy': truncated: shape (4,) of f4 needs 16 data bytes"
                                + " but the file has 2; copy or save it again");
    }

    @Test
    void should_reject_an_empty_array_name() {
        // given
        Map<String, NdArray> bad = Map.of("", NdArray.of(new int[] {1}, 1));

        // when / then
        assertThatThrownBy(() -> Npz.write(dir.resolve("x.npz"), bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "arrays must map non-empty names to arrays, got  -> NdArray[INT32 (1,)]");
    }

    private Path zipOf(String name, byte[] content) throws Exception {
        Path file = dir.resolve("bad.npz");
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }
}
