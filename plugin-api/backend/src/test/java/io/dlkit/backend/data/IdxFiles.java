package io.dlkit.backend.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files byte by byte, as the MNIST format describes them. */
final class IdxFiles {
    private IdxFiles() {}

    /** An image file: magic, count, rows, cols (big-endian ints), then the pixel bytes. */
    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(2051)
                .putInt(count)
                .putInt(rows)
                .putInt(cols)
                .put(pixels)
                .array();
    }

    /** A label file: magic, count, then one byte per label. */
    static byte[] labels(int count, byte[] labels) {
        return ByteBuffer.allocate(8 + labels.length)
                .putInt(2049)
                .putInt(count)
                .put(labels)
                .array();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }

    static Path writeGz(Path file, byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(buffer)) {
            gz.write(bytes);
        }
        return Files.write(file, buffer.toByteArray());
    }
}
