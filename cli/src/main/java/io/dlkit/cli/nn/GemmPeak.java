package io.dlkit.cli.nn;

import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TFloat32;

/**
 * The machine's float32 matrix-multiply rate through the backend: {@code C = A B} of two fed {@code
 * n x n} matrices, {@code 2 n^3} FLOPs per run, the best of the timed runs (the least disturbed by
 * other work on the machine). Only a scalar sum of {@code C} is fetched, so the copy out does not
 * count; the inputs are fed without copying.
 */
final class GemmPeak {
    private GemmPeak() {}

    /**
     * GFLOP/s of the fastest of {@code runs} multiplies of {@code n x n} matrices. In a process
     * whose training runs towers side by side, each kernel on one thread ({@link
     * io.dlkit.backend.runtime.TfRuntime#towers()}), one run holds one independent multiply per
     * tower, so that the figure is still the whole machine's.
     */
    static double measure(GraphContext g, int n, int warmup, int runs) {
        var tf = g.tf();
        Shape shape = Shape.of(n, n);
        int k = io.dlkit.backend.runtime.TfRuntime.towers();
        List<Placeholder<TFloat32>> in = new ArrayList<>();
        List<Sum<TFloat32>> sums = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            var a = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
            var b = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
            in.add(a);
            in.add(b);
            sums.add(
                    tf.sum(
                            tf.linalg.matMul(a, b),
                            tf.constant(new int[] {0, 1}),
                            Sum.keepDims(false)));
        }
        Session session = g.session();
        try (TFloat32 x = random(shape, 1);
                TFloat32 y = random(shape, 2)) {
            for (int i = 0; i < warmup; i++) run(session, in, x, y, sums);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                run(session, in, x, y, sums);
                best = Math.min(best, System.nanoTime() - t0);
            }
            return k * 2.0 * n * n * n / best;
        }
    }

    /** The quick peak every bench result is set against: the best of 2048 and 1024 squared. */
    static double quickPeak(GraphContext g) {
        return Math.max(measure(g, 2048, 1, 4), measure(g, 1024, 2, 8));
    }

    private static void run(
            Session session,
            List<Placeholder<TFloat32>> in,
            TFloat32 x,
            TFloat32 y,
            List<Sum<TFloat32>> sums) {
        Session.Runner r = session.runner();
        for (int i = 0; i < in.size(); i += 2) r.feed(in.get(i), x).feed(in.get(i + 1), y);
        sums.forEach(r::fetch);
        try (Result res = r.run()) {
            res.get(0);
        }
    }

    private static TFloat32 random(Shape shape, long seed) {
        Random rnd = new Random(seed);
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) v[i] = rnd.nextFloat() - 0.5f;
        return TFloat32.tensorOf(shape, DataBuffers.of(v, true, false));
    }
}
