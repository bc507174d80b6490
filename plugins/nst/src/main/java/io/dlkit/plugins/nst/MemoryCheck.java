package io.dlkit.plugins.nst;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.train.AvailableMemory;
import java.util.Locale;
import java.util.OptionalLong;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Refuses a run whose loss network would not fit in memory, before anything is allocated. The
 * estimate counts every layer output three times in float32 (the forward value kept for the
 * backward pass, its gradient, and one working copy), which is what dominates at large sizes.
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
        return elements * 4L * 3L;
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
