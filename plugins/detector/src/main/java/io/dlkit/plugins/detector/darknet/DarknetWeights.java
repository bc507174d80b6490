package io.dlkit.plugins.detector.darknet;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Darknet {@code .weights} file: the {@link WeightsHeader}, then for each {@code [convolutional]}
 * in cfg order its biases, (if batch-normalised) scales, rolling means and rolling variances, and
 * its kernel in {@code [out, in, h, w]} order, all little-endian float32. The tensors are named as
 * {@link DarknetNetwork#weightShapes()} names them.
 */
public record DarknetWeights(WeightsHeader header, Map<String, float[]> tensors) {
    /** Copies the map, keeping its order. */
    public DarknetWeights {
        requireNonNull(header, "header is null");
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /**
     * Reads {@code file} with the tensor sizes of {@code net}.
     *
     * @throws DlkitException (exit 2) if the file is shorter or longer than the cfg needs
     */
    public static DarknetWeights read(Path file, DarknetNetwork net) throws IOException {
        requireNonNull(file, "file is null");
        requireNonNull(net, "net is null");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 16) {
                throw invalid(file, "has " + size + " bytes, less than a header");
            }
            ByteBuffer buf =
                    ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            int major = buf.getInt();
            int minor = buf.getInt();
            int revision = buf.getInt();
            boolean isLong = new WeightsHeader(major, minor, revision, 0).seenIsLong();
            long seen = isLong ? buf.getLong() : Integer.toUnsignedLong(buf.getInt());
            WeightsHeader header = new WeightsHeader(major, minor, revision, seen);
            return new DarknetWeights(header, readTensors(file, buf, net));
        }
    }

    private static Map<String, float[]> readTensors(Path file, ByteBuffer buf, DarknetNetwork net) {
        long needed = net.parameterCount();
        long have = buf.remaining() / 4;
        if (have != needed || buf.remaining() % 4 != 0) {
            String what = have < needed ? "is truncated" : "is longer than the cfg needs";
            throw invalid(
                    file,
                    what
                            + ": it holds "
                            + buf.remaining()
                            + " bytes of weights, the"
                            + " cfg needs "
                            + needed
                            + " floats ("
                            + 4 * needed
                            + " bytes)");
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : net.weightShapes().entrySet()) {
            float[] values = new float[count(e.getValue())];
            buf.asFloatBuffer().get(values);
            buf.position(buf.position() + 4 * values.length);
            out.put(e.getKey(), values);
        }
        return out;
    }

    /**
     * Writes these weights for {@code net} atomically.
     *
     * @throws IllegalArgumentException if a tensor is missing or of the wrong size
     */
    public void write(Path file, DarknetNetwork net) throws IOException {
        Map<String, int[]> shapes = net.weightShapes();
        for (Map.Entry<String, int[]> e : shapes.entrySet()) {
            float[] v = tensors.get(e.getKey());
            if (v == null || v.length != count(e.getValue())) {
                throw new IllegalArgumentException(
                        "tensor "
                                + e.getKey()
                                + " needs "
                                + count(e.getValue())
                                + " values, got "
                                + (v == null ? "none" : v.length));
            }
        }
        AtomicFiles.write(file, out -> writeTo(out, net));
    }

    /** Writes these weights for {@code net} to a stream (header, then tensors in cfg order). */
    public void writeTo(java.io.OutputStream out, DarknetNetwork net) throws IOException {
        Map<String, int[]> shapes = net.weightShapes();
        ByteBuffer head = ByteBuffer.allocate(header.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        head.putInt(header.major()).putInt(header.minor()).putInt(header.revision());
        if (header.seenIsLong()) {
            head.putLong(header.seen());
        } else {
            head.putInt((int) header.seen());
        }
        out.write(head.array());
        for (String name : shapes.keySet()) {
            float[] v = tensors.get(name);
            ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(v);
            out.write(b.array());
        }
    }

    static int count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return Math.toIntExact(n);
    }

    private static DlkitException invalid(Path file, String what) {
        return new DlkitException(
                ExitCode.USAGE,
                file
                        + ": the Darknet weights file "
                        + what
                        + "; use the .weights trained with this .cfg");
    }
}
