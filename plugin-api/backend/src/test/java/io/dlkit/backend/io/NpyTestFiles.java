package io.dlkit.backend.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Builds .npy files byte by byte, the way the format document describes them. */
final class NpyTestFiles {
    private NpyTestFiles() {}

    /** A version 1.0 file: magic, 1, 0, 2-byte little-endian header length, header, data. */
    static byte[] v1(String header, byte[] data) {
        return file(1, header, data);
    }

    /** A file of the given major version; 2.0 and 3.0 have a 4-byte header length. */
    static byte[] file(int major, String header, byte[] data) {
        byte[] text =
                header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int n = text.length;
        byte[] length =
                major == 1
                        ? new byte[] {(byte) n, (byte) (n >> 8)}
                        : new byte[] {
                            (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)
                        };
        return NpyTest.concat(
                new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0},
                length,
                text,
                data);
    }

    static NdArray read(byte[] file) {
        try {
            return Npy.read(new ByteArrayInputStream(file), "test.npy");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
