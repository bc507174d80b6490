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

    static void check(long needed, OptionalLong available, int height, int width, int size) {
        if (available.isEmpty() || needed <= available.getAsLong()) return;
        int fits = (int) (size * Math.sqrt((double) available.getAsLong() / needed) * 0.9);
        throw DlkitException.invalidInput(
                String.format(
                        Locale.ROOT,
                        "--size %d (%dx%d) needs about %d MiB for the loss network's activations"
                                + " and their gradients, but %d MiB are available; give --size"
                                + " %d or less",
                        size,
                        width,
                        height,
                        needed / MIB,
                        available.getAsLong() / MIB,
                        Math.max(16, fits)));
    }
}
