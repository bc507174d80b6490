package io.dlkit.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the hostile inputs of {@link HostileInputIT} into a folder: empty, truncated, endless,
 * huge-header, wrong-magic files, a FIFO, a symbolic link loop, a folder where a file belongs, and
 * garbage model directories. Every file is made here; nothing comes from the repository.
 */
final class HostileFiles {
    private HostileFiles() {}

    /** Makes every hostile file under {@code dir} (which must exist). */
    static void write(Path dir) throws IOException, InterruptedException {
        Files.createFile(dir.resolve("empty.csv"));
        Files.createFile(dir.resolve("empty.yaml"));
        Files.writeString(dir.resolve("truncated.csv"), "x1,x2,label\n0.5,1.5,0\n0.25,1.");
        Files.createSymbolicLink(dir.resolve("endless.csv"), Path.of("/dev/zero"));
        Files.createSymbolicLink(dir.resolve("loop.csv"), Path.of("loop.csv"));
        Files.createSymbolicLink(dir.resolve("loop.yaml"), Path.of("loop.yaml"));
        Files.createSymbolicLink(dir.resolve("loop.png"), Path.of("loop.png"));
        Files.createSymbolicLink(dir.resolve("loop.h5"), Path.of("loop.h5"));
        Files.createDirectories(dir.resolve("folder.csv"));
        Files.createDirectories(dir.resolve("folder.yaml"));
        mkfifo(dir.resolve("fifo.csv"));
        mkfifo(dir.resolve("fifo.yaml"));
        mkfifo(dir.resolve("fifo.png"));
        Files.write(dir.resolve("garbage.yaml"), garbage(1, 2048));
        Files.write(dir.resolve("garbage.h5"), garbage(2, 4096));
        Files.write(dir.resolve("truncated.h5"), hdf5Start());
        Files.createFile(dir.resolve("empty.h5"));
        idx(dir);
        npz(dir.resolve("huge-header.npz"));
        Files.writeString(dir.resolve("existing.txt"), "the user's file\n");
        // Output folders that already hold a user's files, but no model.
        Files.createDirectories(dir.resolve("used-out"));
        Files.writeString(dir.resolve("used-out/metrics.csv"), "the user's metrics\n");
        Files.createDirectories(dir.resolve("used-run"));
        Files.writeString(dir.resolve("used-run/manifest.json"), "{}\n");
    }

    /** An IDX pair whose images file has a wrong magic number. */
    private static void idx(Path dir) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + 4).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x12345678).putInt(1).putInt(2).putInt(2).putInt(0);
        Files.write(dir.resolve("wrong-magic-images-idx3-ubyte"), b.array());
        ByteBuffer l = ByteBuffer.allocate(9).order(ByteOrder.BIG_ENDIAN);
        l.putInt(0x00000801).putInt(1).put((byte) 0);
        Files.write(dir.resolve("wrong-magic-labels-idx1-ubyte"), l.array());
    }

    /** An .npz whose x.npy header claims 10^15 float32 values in a few bytes of file. */
    private static void npz(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("x.npy"));
            zip.write(npy("<f4", "(1000000000, 1000000)", new byte[16]));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("y.npy"));
            zip.write(npy("<i8", "(2,)", new byte[16]));
            zip.closeEntry();
        }
    }

    private static byte[] npy(String dtype, String shape, byte[] data) {
        String header =
                "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII));
        b.put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return b.array();
    }

    /** The HDF5 signature followed by nothing useful: a file cut after its first bytes. */
    private static byte[] hdf5Start() {
        byte[] b = new byte[64];
        byte[] sig = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        b[8] = 0; // superblock version 0, then the file ends
        return b;
    }

    static byte[] garbage(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        if (mk.waitFor() != 0) throw new AssertionError("mkfifo " + p + " failed");
    }

    /**
     * Garbage model directories beside a good one ({@code good}, a trained flower model): a file in
     * place of the directory, garbage model.yaml, no checkpoint, truncated checkpoint files,
     * garbage state.properties.
     */
    static void modelDirs(Path good, Path dir) throws IOException {
        Files.writeString(dir.resolve("model-is-a.csv"), "x1,x2,label\n1,2,0\n");
        Path garbage = Files.createDirectories(dir.resolve("garbage-model"));
        Files.write(garbage.resolve("model.yaml"), garbage(3, 512));
        Path noCheckpoint = Files.createDirectories(dir.resolve("no-checkpoint"));
        Files.copy(good.resolve("model.yaml"), noCheckpoint.resolve("model.yaml"));
        copyTree(good, dir.resolve("truncated-checkpoint"));
        try (var files = Files.list(dir.resolve("truncated-checkpoint/checkpoint"))) {
            for (Path f : files.toList()) {
                byte[] all = Files.readAllBytes(f);
                Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
            }
        }
        copyTree(good, dir.resolve("garbage-yaml"));
        Files.write(dir.resolve("garbage-yaml/model.yaml"), garbage(5, 512));
        copyTree(good, dir.resolve("garbage-state"));
        Files.write(dir.resolve("garbage-state/checkpoint/state.properties"), garbage(4, 300));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
