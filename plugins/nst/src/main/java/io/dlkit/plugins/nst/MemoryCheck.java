package io.dlkit.plugins.nst;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.train.AvailableMemory;
import java.util.Locale;
import java.util.OptionalLong;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Refuses a run whose loss network would not fit in memory, before anything is allocated. The
 * estimate is every layer output in float32 plus a quarter (TensorFlow frees the backward pass's
 * gradients as it goes, so the forward values dominate) and 512 MiB for the runtime: measured,
 * mobilenet_v2 at 2000x1329 peaked at 5067 MiB resident against an estimate of 6000 MiB.
 */
final class MemoryCheck {
    private static final long MIB = 1024 * 1024;

    private MemoryCheck() {}

    /** Bytes the optimisation needs for {@code net}'s activations and their gradients. */
    static long estimate(LossNetwork net) {
        long elements = 0;
        for (Operand<TFloat32> out : net.layers().values()) {
            long n = out.shape().size();
            if (n > 0) elements += n;
        }
        return elements * 4L * 5L / 4L + 512 * MIB;
    }

    /** This process's peak resident memory (Linux VmHWM) in MiB, when the platform says. */
    static OptionalLong peakMib() {
        try {
            for (String line :
                    java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kb) / 1024);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: say nothing
        }
        return OptionalLong.empty();
    }

    static void check(LossNetwork net, int height, int width, int size) {
        check(estimate(net), AvailableMemory.bytes(), height, width, size);
    }

    /**
     * Refuses a result size whose pixel buffers (the result, the content, each style and two
     * resizing copies, float32 on the Java heap) would not fit in the heap or the machine.
     */
    static void checkImages(int height, int width, int styles, int size) {
        long heap = Runtime.getRuntime().maxMemory() - usedHeap();
        OptionalLong machine = AvailableMemory.bytes();
        long available = machine.isPresent() ? Math.min(heap, machine.getAsLong()) : heap;
        // a Java array holds at most about 2^31 values
        available = Math.min(available, (Integer.MAX_VALUE - 8L) * 4L * (4 + styles));
        check(
                imageBytes(height, width, styles),
                OptionalLong.of(available),
                height,
                width,
                size,
                "the image and its copies at that size");
    }

    /** Bytes of {@code 4 + styles} float32 RGB images. */
    static long imageBytes(int height, int width, int styles) {
        return (long) height * width * 3 * 4L * (4 + styles);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void check(long needed, OptionalLong available, int height, int width, int size) {
        check(
                needed,
                available,
                height,
                width,
                size,
                "the loss network's activations and their gradients");
    }

    private static void check(
            long needed, OptionalLong available, int height, int width, int size, String what) {
        if (available.isEmpty() || needed <= available.getAsLong()) return;
        int fits = (int) (size * Math.sqrt((double) available.getAsLong() / needed) * 0.9);
        throw DlkitException.invalidInput(
                String.format(
                        Locale.ROOT,
                        "--size %d (%dx%d) needs about %d MiB for %s, but %d MiB are available;"
                                + " give --size %d or less",
                        size,
                        width,
                        height,
                        needed / MIB,
                        what,
                        available.getAsLong() / MIB,
                        Math.max(16, fits)));
    }
}
