package io.dlkit.backend.io;

import static io.dlkit.backend.io.NpyTestFiles.file;
import static io.dlkit.backend.io.NpyTestFiles.v1;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyErrorsTest {
    private static final String F4_3 = "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }";

    @TempDir Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                arguments("empty", new byte[0], "the file is empty; expected a NumPy .npy array"),
                arguments(
                        "text",
                        "hello, world\n".getBytes(StandardCharsets.US_ASCII),
                        "not a NumPy .npy file (it does not start with \\x93NUMPY)"),
                arguments(
                        "only magic",
                        new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1},
                        "not a NumPy .npy file (it does not start with \\x93NUMPY)"),
                arguments(
                        "version 4",
                        file(4, F4_3, new byte[12]),
                        "unsupported .npy format version 4.0 (supported: 1.0, 2.0, 3.0)"),
                arguments(
                        "complex",
                        v1(
                                "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }",
                                new byte[8]),
                        "unsupported dtype '<c8' (supported: f4, f8, i4, i8, u1, b1)"),
                arguments(
                        "no byte order on f4",
                        v1(
                                "{'descr': '|f4', 'fortran_order': False, 'shape': (1,), }",
                                new byte[4]),
                        "unsupported dtype '|f4' (supported: f4, f8, i4, i8, u1, b1)"),
                arguments(
                        "structured",
                        v1(
                                "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }",
                                new byte[4]),
                        "unsupported dtype [['x', '<f4']] (supported: f4, f8, i4, i8, u1, b1)"),
                arguments(
                        "fortran",
                        v1(
                                "{'descr': '<f4', 'fortran_order': True, 'shape': (3,), }",
                                new byte[12]),
                        "fortran_order=True is not supported; re-save the array in C order:"
                                + " numpy.save(path, numpy.ascontiguousarray(a))"),
                arguments(
                        "malformed",
                        v1(
                                "{'descr' '<f4', 'fortran_order': False, 'shape': (3,), }",
                                new byte[12]),
                        "malformed .npy header (expected ':' at offset 9 in {'descr' '<f4',"
                                + " 'fortran_order': False, 'shape': (3,), }); the file is corrupt"
                                + " or was not written by numpy.save"),
                arguments(
                        "missing key",
                        v1("{'descr': '<f4', 'shape': (3,)}", new byte[12]),
                        "the .npy header must be a dict with the keys 'descr', 'fortran_order' and"
                                + " 'shape', got {'descr': '<f4', 'shape': (3,)}"),
                arguments(
                        "negative dimension",
                        v1(
                                "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }",
                                new byte[0]),
                        "shape must be a tuple of non-negative integers, got [-1]; the file is corrupt"),
                arguments(
                        "huge shape",
                        v1(
                                "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }",
                                new byte[8]),
                        "shape (100000, 100000) of f8 needs more than 2 GiB, the limit for one array;"
                                + " split it into smaller arrays"),
                arguments(
                        "deeply nested shape",
                        v1(
                                "{'descr': '<f4', 'fortran_order': False, 'shape': "
                                        + "(".repeat(5000)
                                        + ")".repeat(5000)
                                        + ", }",
                                new byte[4]),
                        "malformed .npy header (expected at most 16 levels of nesting at offset"
                                + " 65 in {'descr': '<f4', 'fortran_order': False, 'shape':"
                                + " ((((((((((((((((((((((((((("
                                + "...); the file is corrupt or was not written by numpy.save"),
                arguments(
                        "huge header length",
                        NpyTest.concat(
                                new byte[] {
                                    (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, -1, -1, -1, -1
                                },
                                new byte[64]),
                        "header length 4294967295 exceeds the file size; the file is corrupt"),
                arguments(
                        "truncated header",
                        Arrays.copyOf(v1(F4_3, new byte[12]), 30),
                        "header length 57 exceeds the file size; the file is corrupt"),
                arguments(
                        "truncated data",
                        v1(F4_3, new byte[10]),
                        "truncated: shape (3,) of f4 needs 12 data bytes but the file has 10; copy or"
                                + " save it again"),
                arguments(
                        "trailing data",
                        v1(F4_3, new byte[13]),
                        "has trailing bytes: shape (3,) of f4 needs 12 data bytes but the file has 13;"
                                + " copy or save it again"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void should_reject_a_bad_file_with_a_message_that_names_it(
            String what, byte[] content, String message) throws Exception {
        // given
        Path file = dir.resolve("weights.npy");
        Files.write(file, content);

        // when / then
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": " + message);
    }

    @Test
    void should_reject_10_mb_of_random_bytes_without_reading_them() throws Exception {
        // given
        byte[] garbage = new byte[10 << 20];
        new Random(7).nextBytes(garbage);
        Path file = dir.resolve("garbage.npy");
        Files.write(file, garbage);

        // when / then
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": not a NumPy .npy file (it does not start with \\x93NUMPY)");
    }

    @Test
    void should_not_allocate_what_a_lying_header_promises_when_reading_a_stream() {
        // given: 1.6 GB promised, 12 bytes present
        byte[] lie =
                v1(
                        "{'descr': '<f4', 'fortran_order': False, 'shape': (20000, 20000), }",
                        new byte[12]);

        // when / then: readNBytes only grows with the bytes that really arrive
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(lie), "lie.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        "lie.npy: truncated: shape (20000, 20000) of f4 needs 1600000000 data bytes"
                                + " but the file has 12; copy or save it again");
    }

    @Test
    void should_reject_a_stream_that_ends_inside_the_header() {
        // given
        byte[] cut = Arrays.copyOf(v1(F4_3, new byte[12]), 40);

        // when / then
        assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(cut), "cut.npy"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        "cut.npy: truncated .npy header; the file is incomplete, copy or save it again");
    }
}
