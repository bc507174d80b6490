package io.dlkit.backend.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The header of a {@code .npy} file: magic, version, header length and the Python dict that holds
 * dtype, order and shape. Everything is validated before any data is allocated, so a corrupt or
 * hostile file fails fast with a bounded amount of memory.
 */
final class NpyHeader {
    /** numpy reads at most 10000 header bytes by default; allow more, but never unbounded. */
    static final int MAX_HEADER_LENGTH = 100_000;

    /** The largest data block one Java byte array can hold. */
    static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Set<Object> KEYS = Set.of("descr", "fortran_order", "shape");

    final DType dtype;
    final ByteOrder order;
    final long[] shape;
    final int dataBytes;
    final long dataOffset;

    private NpyHeader(DType dtype, ByteOrder order, long[] shape, int dataBytes, long dataOffset) {
        this.dtype = dtype;
        this.order = order;
        this.shape = shape;
        this.dataBytes = dataBytes;
        this.dataOffset = dataOffset;
    }

    /**
     * Reads magic, version and header from {@code in}, leaving it at the first data byte.
     *
     * @param available how many bytes {@code in} holds, or {@link Long#MAX_VALUE} if unknown
     * @return the header; {@code dataOffset} says how many bytes it took
     */
    static NpyHeader read(InputStream in, String source, long available) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length == 0) {
            throw fail(source, "the file is empty; expected a NumPy .npy array");
        }
        if (prefix.length < 8 || !startsWithMagic(prefix)) {
            throw fail(source, "not a NumPy .npy file (it does not start with \\x93NUMPY)");
        }
        int major = prefix[6] & 0xFF;
        if (major < 1 || major > 3 || prefix[7] != 0) {
            throw fail(
                    source,
                    "unsupported .npy format version "
                            + major
                            + "."
                            + (prefix[7] & 0xFF)
                            + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        long length = littleEndian(readFully(in, lengthBytes, source));
        long room = available - 8 - lengthBytes;
        if (length > MAX_HEADER_LENGTH || length > room) {
            throw fail(
                    source,
                    "header length "
                            + length
                            + " exceeds "
                            + (length > room
                                    ? "the file size"
                                    : "the " + MAX_HEADER_LENGTH + "-byte limit")
                            + "; the file is corrupt");
        }
        byte[] header = readFully(in, (int) length, source);
        String text =
                new String(
                        header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(text, source, 8 + lengthBytes + length);
    }

    /** The bytes numpy writes before the data: version 1.0, little-endian, 64-byte aligned. */
    static byte[] format(NdArray a) {
        String descr = (a.dtype().byteSize() == 1 ? "|" : "<") + a.dtype().npyCode();
        long[] shape = a.shape();
        StringBuilder dict =
                new StringBuilder("{'descr': '")
                        .append(descr)
                        .append("', 'fortran_order': False, 'shape': ")
                        .append(NdArray.shapeString(shape))
                        .append(", }");
        // numpy leaves room to grow the first dimension in place; copying it keeps files identical.
        if (shape.length > 0) {
            dict.append(" ".repeat(21 - Long.toString(shape[0]).length()));
        }
        int used = MAGIC.length + 2 + 2 + dict.length() + 1;
        dict.append(" ".repeat(64 - used % 64)).append('\n');
        if (dict.length() > 0xFFFF) {
            throw new IllegalArgumentException(
                    "shape " + NdArray.shapeString(shape) + " is too long for a .npy 1.0 header");
        }
        byte[] out = new byte[10 + dict.length()];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[8] = (byte) dict.length();
        out[9] = (byte) (dict.length() >>> 8);
        byte[] text = dict.toString().getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }

    private static NpyHeader parse(String text, String source, long dataOffset) {
        Object parsed;
        try {
            parsed = PyLiteral.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(
                    source,
                    "malformed .npy header ("
                            + e.getMessage()
                            + " in "
                            + snippet(text)
                            + "); the file is corrupt or was not written by numpy.save");
        }
        if (!(parsed instanceof Map<?, ?> dict) || !dict.keySet().equals(KEYS)) {
            throw fail(
                    source,
                    "the .npy header must be a dict with the keys 'descr', "
                            + "'fortran_order' and 'shape', got "
                            + snippet(text));
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran) || fortran) {
            throw fail(
                    source,
                    "fortran_order="
                            + repr(dict.get("fortran_order"))
                            + " is not supported;"
                            + " re-save the array in C order: numpy.save(path, numpy.ascontiguousarray(a))");
        }
        Object descr = dict.get("descr");
        DType dtype = dtypeOf(descr);
        if (dtype == null) {
            throw fail(
                    source,
                    "unsupported dtype " + repr(descr) + " (supported: " + DType.SUPPORTED + ")");
        }
        ByteOrder order =
                ((String) descr).charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        long[] shape = shapeOf(dict.get("shape"), source);
        return new NpyHeader(dtype, order, shape, dataBytes(dtype, shape, source), dataOffset);
    }

    private static DType dtypeOf(Object descr) {
        if (!(descr instanceof String s) || s.length() < 2 || "<>|=".indexOf(s.charAt(0)) < 0) {
            return null;
        }
        DType t = DType.fromNpyCode(s.substring(1));
        // '|' means "byte order does not apply", which is only true of one-byte types.
        return t == null || (s.charAt(0) == '|' && t.byteSize() > 1) ? null : t;
    }

    private static long[] shapeOf(Object value, String source) {
        if (value instanceof List<?> dims
                && dims.stream().allMatch(d -> d instanceof Long n && n >= 0)) {
            return dims.stream().mapToLong(d -> (Long) d).toArray();
        }
        throw fail(
                source,
                "shape must be a tuple of non-negative integers, got "
                        + repr(value)
                        + "; the file is corrupt");
    }

    private static int dataBytes(DType dtype, long[] shape, String source) {
        long count = NdArray.elementCount(shape);
        if (count < 0 || count > MAX_DATA_BYTES / dtype.byteSize()) {
            throw fail(
                    source,
                    "shape "
                            + NdArray.shapeString(shape)
                            + " of "
                            + dtype.npyCode()
                            + " needs more than 2 GiB, the limit for one array; split it into smaller arrays");
        }
        return (int) (count * dtype.byteSize());
    }

    private static byte[] readFully(InputStream in, int n, String source) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw fail(
                    source, "truncated .npy header; the file is incomplete, copy or save it again");
        }
        return b;
    }

    private static boolean startsWithMagic(byte[] prefix) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static long littleEndian(byte[] b) {
        long v = 0;
        for (int i = b.length - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** Roughly as Python prints it: strings quoted, True/False/None, lists in brackets. */
    private static String repr(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof List<?> items) {
            return items.stream().map(NpyHeader::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return value == null ? "None" : value.toString();
    }

    private static String snippet(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }

    static DataFormatException fail(String source, String message) {
        return new DataFormatException(source + ": " + message);
    }
}
