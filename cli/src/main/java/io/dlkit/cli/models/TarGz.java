package io.dlkit.cli.models;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Extracts chosen files from a {@code .tgz} (ustar, with pax and GNU long names), enough for the
 * tarballs {@code npm pack} writes; no dependency.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {}

    /**
     * Copies each entry whose path is a key of {@code wanted} to the file it maps to.
     *
     * @return the entry paths found
     */
    static Set<String> extract(Path tgz, Map<String, Path> wanted) throws IOException {
        Set<String> found = new java.util.HashSet<>();
        try (InputStream in =
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tgz)))) {
            byte[] header = new byte[BLOCK];
            String longName = null;
            while (readBlock(in, header)) {
                if (isZero(header)) break;
                String name = longName != null ? longName : name(header);
                longName = null;
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                if (type == 'x' || type == 'L') {
                    String data = new String(readAll(in, size), StandardCharsets.UTF_8);
                    longName = type == 'L' ? data.replace("\0", "") : paxPath(data);
                } else if (wanted.containsKey(name) && (type == '0' || type == '\0')) {
                    try (OutputStream out = Files.newOutputStream(wanted.get(name))) {
                        copy(in, out, size);
                    }
                    found.add(name);
                } else {
                    skip(in, size);
                }
                skip(in, (BLOCK - size % BLOCK) % BLOCK);
            }
        }
        return found;
    }

    private static String name(byte[] h) {
        String name = text(h, 0, 100);
        if (text(h, 257, 5).equals("ustar")) {
            String prefix = text(h, 345, 155);
            if (!prefix.isEmpty()) name = prefix + "/" + name;
        }
        return name;
    }

    private static String paxPath(String records) {
        Map<String, String> kv = new HashMap<>();
        for (String line : records.split("\n")) {
            int sp = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (sp > 0 && eq > sp) kv.put(line.substring(sp + 1, eq), line.substring(eq + 1));
        }
        return kv.get("path");
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len) {
        String s = text(h, off, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static boolean readBlock(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        if (n == 0) return false;
        if (n < b.length) throw new EOFException("truncated tar header");
        return true;
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) if (x != 0) return false;
        return true;
    }

    private static byte[] readAll(InputStream in, long size) throws IOException {
        byte[] b = in.readNBytes(Math.toIntExact(size));
        if (b.length < size) throw new EOFException("truncated tar entry");
        return b;
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new EOFException("truncated tar entry");
            out.write(buf, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long size) throws IOException {
        long left = size;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) throw new EOFException("truncated tar entry");
                n = 1;
            }
            left -= n;
        }
    }
}
