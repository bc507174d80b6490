package io.dlkit.backend.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NpyTest {
    @TempDir Path dir;

    static Stream<NdArray> arrays() {
        return Stream.of(
                NdArray.of(
                        new float[] {1.5f, -0f, Float.NaN, Float.MAX_VALUE, Float.MIN_VALUE, 3},
                        2,
                        3),
                NdArray.of(new double[] {Math.PI, -1e300, Double.NEGATIVE_INFINITY}, 3),
                NdArray.of(new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}, 2, 1, 2),
                NdArray.of(new long[] {Long.MIN_VALUE, 1L << 40, Long.MAX_VALUE}, 3, 1),
                NdArray.of(new byte[] {0, 1, (byte) 128, (byte) 255}, 4),
                NdArray.of(new boolean[] {true, false, false, true}, 2, 2),
                NdArray.of(new float[] {42f}),
                NdArray.of(new double[0], 0, 3));
    }

    @ParameterizedTest
    @MethodSource("arrays")
    void should_round_trip_through_a_file(NdArray array) throws Exception {
        // given
        Path file = dir.resolve("a.npy");

        // when
        Npy.write(file, array);
        NdArray back = Npy.read(file);

        // then
        assertThat(back).isEqualTo(array);
        assertThat(back.shape()).isEqualTo(array.shape());
        assertThat(Files.size(file) % 64).isEqualTo(array.size() * array.dtype().byteSize() % 64);
        assertThat(dir.toFile().list()).containsExactly("a.npy");
    }

    @ParameterizedTest
    @MethodSource("arrays")
    void should_round_trip_through_streams(NdArray array) throws Exception {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        Npy.write(out, array);
        NdArray back = Npy.read(new ByteArrayInputStream(out.toByteArray()), "stream");

        // then
        assertThat(back).isEqualTo(array);
        assertThat(out.toByteArray()).isEqualTo(Npy.toBytes(array));
    }

    @Test
    void should_write_a_vector_byte_for_byte_as_numpy_save_does() {
        // given: numpy.save(f, numpy.array([1, 2, 3], dtype='<f4')), as numpy 2.x writes it
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }";
        // 20 spaces numpy reserves for growing the shape, then 40 to reach a 64-byte boundary.
        String header = dict + " ".repeat(60) + "\n";
        byte[] golden =
                concat(
                        new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0},
                        header.getBytes(StandardCharsets.US_ASCII),
                        new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40});

        // when
        byte[] written = Npy.toBytes(NdArray.of(new float[] {1, 2, 3}, 3));

        // then
        assertThat(header).hasSize(118);
        assertThat(written).isEqualTo(golden);
        assertThat(NpyTestFiles.read(golden)).isEqualTo(NdArray.of(new float[] {1, 2, 3}, 3));
    }

    @Test
    void should_write_a_scalar_byte_for_byte_as_numpy_save_does() {
        // given: numpy.save(f, numpy.int64(-2)); a scalar has no shape to grow
        String header =
                "{'descr': '<i8', 'fortran_order': False, 'shape': (), }" + " ".repeat(62) + "\n";
        byte[] golden =
                concat(
                        new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0},
                        header.getBytes(StandardCharsets.US_ASCII),
                        new byte[] {-2, -1, -1, -1, -1, -1, -1, -1});

        // when
        byte[] written = Npy.toBytes(NdArray.of(new long[] {-2}));

        // then
        assertThat(written).isEqualTo(golden);
    }

    @Test
    void should_read_a_version_1_header_with_other_key_order_and_quotes() {
        // given
        byte[] file =
                NpyTestFiles.v1(
                        "{\"shape\": (2,), \"fortran_order\": False, \"descr\": \"<i4\"}\n",
                        new byte[] {7, 0, 0, 0, (byte) 0xF9, -1, -1, -1});

        // when
        NdArray a = NpyTestFiles.read(file);

        // then
        assertThat(a).isEqualTo(NdArray.of(new int[] {7, -7}, 2));
    }

    @Test
    void should_read_a_version_2_header() {
        // given: version 2.0 has a 4-byte header length
        byte[] file =
                NpyTestFiles.file(
                        2,
                        "{'descr': '|u1', 'fortran_order': False, 'shape': (1, 3), }\n",
                        new byte[] {0, 127, (byte) 255});

        // when
        NdArray a = NpyTestFiles.read(file);

        // then
        assertThat(a.dtype()).isEqualTo(DType.UINT8);
        assertThat(a.shape()).containsExactly(1, 3);
        assertThat(a.ints()).containsExactly(0, 127, 255);
    }

    @Test
    void should_read_a_version_3_utf8_header() {
        // given
        byte[] file =
                NpyTestFiles.file(
                        3,
                        "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }\n",
                        new byte[] {1, 0, 2});

        // when
        NdArray a = NpyTestFiles.read(file);

        // then: like numpy, any non-zero byte is True
        assertThat(a).isEqualTo(NdArray.of(new boolean[] {true, false, true}, 3));
    }

    @Test
    void should_read_big_endian_data() {
        // given: numpy.array([1.0, -2.0], dtype='>f8') and numpy.array([258], dtype='>i4')
        byte[] doubles =
                NpyTestFiles.v1(
                        "{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
                        new byte[] {
                            0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0, (byte) 0xC0, 0, 0, 0, 0, 0, 0, 0
                        });
        byte[] ints =
                NpyTestFiles.v1(
                        "{'descr': '>i4', 'fortran_order': False, 'shape': (1,), }",
                        new byte[] {0, 0, 1, 2});

        // when / then
        assertThat(NpyTestFiles.read(doubles)).isEqualTo(NdArray.of(new double[] {1.0, -2.0}, 2));
        assertThat(NpyTestFiles.read(ints)).isEqualTo(NdArray.of(new int[] {258}, 1));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
