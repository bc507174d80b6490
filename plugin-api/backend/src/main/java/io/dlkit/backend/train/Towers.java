package io.dlkit.backend.train;

import io.dlkit.backend.nn.Conv2DLayer;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.TfRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A training step that splits its batch into towers, one per core: each tower runs the forward and
 * backward pass of its rows through the same variables, the towers' gradients are summed, and one
 * optimizer update follows. With one intra-op thread per kernel and the towers on separate inter-op
 * threads, the cores never wait on each other inside a kernel, where a 128-row matmul split over
 * two threads spends much of its time (issue #15: the MLP step went from 39-41k to 47-49k samples/s
 * in a graph-level measurement).
 *
 * <p>The loss is the same batch mean ({@code sum_t n_t/n loss_t}) and the gradients the same sums,
 * to float rounding. Only for models whose layers treat each row on its own: no batch norm (batch
 * statistics), no dropout (random masks), no state across batches; and built-in losses (a batch
 * mean). A training command plans them ({@link #plan}) before the runtime loads, since the
 * runtime's thread pools are sized once per process ({@link TfRuntime#planTowers}); {@code
 * -Ddlkit.towers=1} turns them off.
 */
public final class Towers {
    private static final Set<String> ROW_WISE =
            Set.of(
                    "dense",
                    "conv2d",
                    "max_pool",
                    "avg_pool",
                    "flatten",
                    "activation",
                    "zero_padding",
                    "global_avg_pool");

    private Towers() {}

    /**
     * Plans towers for a process about to train {@code model} with {@code threads} threads (0:
     * every core): one per thread when the model can be split and there are two or more, before the
     * runtime loads ({@link TfRuntime#planTowers}). Call before the first graph.
     *
     * @param loss the loss asked for, or null for the output activation's built-in one
     * @return whether the plan holds (false: the runtime was loaded with another one)
     */
    public static boolean plan(Model model, Objective loss, int threads) {
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return TfRuntime.planTowers(n >= 2 && splittable(model, loss) ? n : 1);
    }

    /** How many towers a training step of {@code model} uses: the process's, if splittable. */
    static int count(Model model, Objective loss) {
        int n = TfRuntime.towers();
        return n > 1 && splittable(model, loss) ? n : 1;
    }

    /**
     * Whether a step of {@code model} can be split by rows: every layer treats each row on its own
     * and the loss is a built-in batch mean.
     *
     * @param loss the loss asked for, or null for the output activation's built-in one
     */
    public static boolean splittable(Model model, Objective loss) {
        if (loss != null && !(loss instanceof LossKind)) return false;
        for (Layer l : model.layers()) {
            if (!ROW_WISE.contains(l.type()) || l.needsBatchesInOrder()) return false;
            if (l instanceof Conv2DLayer c && c.batchNorm()) return false;
        }
        return true;
    }

    /**
     * Tower {@code t} of {@code n}: rows {@code [start, start + size)} of a batch, its {@code
     * share} of the rows ({@code size / rows}) and whether it has any ({@code nonEmpty}: a last
     * batch smaller than the towers leaves some empty); {@code read} rows are read, at least one.
     */
    record Rows(
            Operand<TInt32> start,
            Operand<TInt32> size,
            Operand<TInt32> read,
            Operand<TFloat32> share,
            Operand<TBool> nonEmpty) {
        /**
         * {@code value}'s rows of this tower, along the first axis, any rank. An empty tower (a
         * last batch smaller than the towers) reads one row instead, weighted 0 ({@link
         * #weighted}): oneDNN's gradient kernels abort the process on an empty batch.
         */
        <T extends org.tensorflow.types.family.TType> Operand<T> of(Ops tf, Operand<T> value) {
            int rank = value.shape().isUnknown() ? -1 : value.shape().numDimensions();
            if (rank < 1) {
                return tf.gather(
                        value,
                        tf.range(start, tf.math.add(start, read), tf.constant(1)),
                        tf.constant(0));
            }
            // contiguous rows: a slice (one copy) rather than a gather
            Operand<TInt32> rest = tf.constant(new int[] {rank - 1});
            Operand<TInt32> one = tf.constant(new int[] {1});
            return tf.slice(
                    value,
                    tf.concat(
                            List.of(tf.reshape(start, one), tf.zeros(rest, TInt32.class)),
                            tf.constant(0)),
                    tf.concat(
                            List.of(tf.reshape(read, one), tf.fill(rest, tf.constant(-1))),
                            tf.constant(0)));
        }

        /** {@code value}, or 0 for an empty tower (a count over its stand-in row). */
        Operand<TFloat32> counted(Ops tf, Operand<TFloat32> value) {
            return tf.select(nonEmpty, value, tf.zerosLike(value));
        }

        /** {@code value * share}, or 0 for an empty tower (its stand-in row counts for nothing). */
        Operand<TFloat32> weighted(Ops tf, Operand<TFloat32> value) {
            return tf.select(nonEmpty, tf.math.mul(value, share), tf.zerosLike(value));
        }
    }

    /** The row ranges of {@code n} towers over the batch of {@code x}. */
    static List<Rows> rows(Ops tf, Operand<TFloat32> x, int n) {
        Operand<TInt32> total =
                tf.squeeze(
                        tf.slice(
                                tf.shape(x),
                                tf.constant(new int[] {0}),
                                tf.constant(new int[] {1})));
        Operand<TFloat32> totalF = tf.dtypes.cast(total, TFloat32.class);
        List<Rows> out = new ArrayList<>();
        Operand<TInt32> start = tf.constant(0);
        for (int t = 0; t < n; t++) {
            Operand<TInt32> end =
                    t == n - 1
                            ? total
                            : tf.math.floorDiv(
                                    tf.math.mul(total, tf.constant(t + 1)), tf.constant(n));
            Operand<TInt32> size = tf.math.sub(end, start);
            out.add(
                    new Rows(
                            start,
                            size,
                            tf.math.maximum(size, tf.constant(1)),
                            tf.math.div(
                                    tf.dtypes.cast(size, TFloat32.class),
                                    tf.math.maximum(totalF, tf.constant(1f))),
                            tf.math.greater(size, tf.constant(0))));
            start = end;
        }
        return out;
    }
}
