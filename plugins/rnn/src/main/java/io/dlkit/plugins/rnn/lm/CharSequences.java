package io.dlkit.plugins.rnn.lm;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A text cut into training sequences for a character language model: sample {@code i} is {@code x =
 * ids[s, s + T)} and {@code y = ids[s + 1, s + T + 1)} (each step's target is the next character),
 * {@code s = i * stride}; a last, shorter window is padded with id 0 in {@code x} and -1 (masked)
 * in {@code y}. Written as an NPZ that {@code dlkit train} reads: {@code x} and {@code y} both
 * float32 {@code [n, T]} (y as float targets, the sequence objective's input).
 *
 * @param x the inputs, row-major {@code [n, steps]}
 * @param y the targets, row-major {@code [n, steps]}
 * @param steps T
 */
public record CharSequences(float[] x, float[] y, int steps) {
    /** Cuts {@code ids} into windows of {@code steps} starting every {@code stride} ids. */
    public static CharSequences of(int[] ids, int steps, int stride) {
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        if (stride < 1) throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        int targets = ids.length - 1;
        if (targets < 1) {
            throw new IllegalArgumentException("the text needs at least 2 characters");
        }
        int n = (targets + stride - 1) / stride;
        if ((n - 1) * stride >= targets) n--;
        float[] x = new float[n * steps];
        float[] y = new float[n * steps];
        Arrays.fill(y, -1f);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                int at = i * stride + t;
                if (at >= targets) break;
                x[i * steps + t] = ids[at];
                y[i * steps + t] = ids[at + 1];
            }
        }
        return new CharSequences(x, y, steps);
    }

    /**
     * Cuts {@code ids} into overlapping windows of {@code steps} for held-out scoring in which
     * every character but the first {@code steps} is predicted after at least {@code context}
     * characters of its text: window {@code k} starts at {@code k (steps - context)} and, for
     * {@code k > 0}, its first {@code context} targets are masked (-1), so each target is scored
     * exactly once. A zero-state score of plain windows charges every window's first steps for the
     * text before it that the model cannot see; a carried state in training sees it.
     */
    public static CharSequences withContext(int[] ids, int steps, int context) {
        if (context < 0 || context >= steps) {
            throw new IllegalArgumentException(
                    "context must be in [0, steps), got " + context + " for " + steps + " steps");
        }
        CharSequences s = of(ids, steps, steps - context);
        int stride = steps - context;
        int targets = ids.length - 1;
        int n = 1 + Math.max(0, (targets - steps + stride - 1) / stride);
        float[] x = Arrays.copyOf(s.x(), n * steps);
        float[] y = Arrays.copyOf(s.y(), n * steps);
        for (int k = 1; k < n; k++) Arrays.fill(y, k * steps, k * steps + context, -1f);
        return new CharSequences(x, y, steps);
    }

    /**
     * Cuts {@code ids} into {@code batch} contiguous streams, each into windows of {@code steps},
     * for stateful training (truncated back-propagation through time): row {@code k * batch + b} is
     * window {@code k} of stream {@code b}, so batch {@code k} (rows {@code [k batch, (k+1) batch)}
     * in order) continues every row of batch {@code k - 1}. Stream {@code b} starts at id {@code b
     * L}, {@code L = (ids.length - 1) / batch}; the {@code L mod steps} ids at the end of each
     * stream are not used.
     */
    public static CharSequences streams(int[] ids, int batch, int steps) {
        if (batch < 1 || steps < 1) {
            throw new IllegalArgumentException(
                    "batch and steps must be >= 1, got " + batch + " and " + steps);
        }
        int length = (ids.length - 1) / batch;
        int windows = length / steps;
        if (windows < 1) {
            throw new IllegalArgumentException(
                    "the training text has "
                            + ids.length
                            + " tokens, fewer than --batch "
                            + batch
                            + " x --seq "
                            + steps
                            + " + 1; lower --batch or --seq");
        }
        float[] x = new float[windows * batch * steps];
        float[] y = new float[x.length];
        for (int k = 0; k < windows; k++) {
            for (int b = 0; b < batch; b++) {
                int row = (k * batch + b) * steps;
                int from = b * length + k * steps;
                for (int t = 0; t < steps; t++) {
                    x[row + t] = ids[from + t];
                    y[row + t] = ids[from + t + 1];
                }
            }
        }
        return new CharSequences(x, y, steps);
    }

    /** The number of sequences. */
    public int size() {
        return x.length / steps;
    }

    /** Writes {@code x} and {@code y} to an NPZ. */
    public void writeNpz(Path file) throws IOException {
        long[] shape = {size(), steps};
        Npz.write(file, Map.of("x", NdArray.of(x, shape), "y", NdArray.of(y, shape)));
    }
}
