package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A recurrent layer's state carried from one training batch to the next, for truncated
 * back-propagation through time: row {@code r} of batch {@code b + 1} continues the stream of row
 * {@code r} of batch {@code b}, so its first step starts from the state row {@code r} ended with
 * (kept in the non-trainable variables {@code <layer>_state_<i>}, {@code [batch, units]}), with the
 * gradient stopped there. The state restarts from zeros every {@code resetEvery} training batches
 * (an epoch: the streams start again), counted by {@code <layer>_state_steps}; it is saved with the
 * checkpoint, so a resumed run continues exactly. At evaluation and prediction ({@code training =
 * false}) every sequence starts from zeros, whatever its batch size.
 */
final class CarriedState {
    private final int batch;
    private final int resetEvery;
    private final List<WeightVariable<TFloat32>> states;
    private final WeightVariable<TFloat32> steps;
    private Operand<TFloat32> keep;
    private Operand<TInt32> rows;
    private List<Op> updates = List.of();

    /**
     * @param batch the training batch size (rows of the state variables)
     * @param resetEvery training batches between restarts from zeros, 0 = never
     */
    CarriedState(
            int batch,
            int resetEvery,
            List<WeightVariable<TFloat32>> states,
            WeightVariable<TFloat32> steps) {
        this.batch = batch;
        this.resetEvery = resetEvery;
        this.states = List.copyOf(states);
        this.steps = steps;
    }

    /**
     * The initial state of a run, one tensor per state variable, {@code [rows, units]}: the carried
     * state while training (zeros at a restart), zeros otherwise.
     */
    List<Operand<TFloat32>> initial(Ops tf, Operand<TFloat32> input, Operand<TBool> training) {
        rows = tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> on = tf.dtypes.cast(training, TFloat32.class);
        if (resetEvery > 0) {
            Operand<TFloat32> phase =
                    tf.math.floorMod(steps.read(), tf.constant((float) resetEvery));
            on =
                    tf.math.mul(
                            on,
                            tf.dtypes.cast(
                                    tf.math.notEqual(phase, tf.constant(0f)), TFloat32.class));
        }
        keep = on;
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (WeightVariable<TFloat32> s : states) {
            out.add(tf.stopGradient(tf.math.mul(resize(tf, s.read(), batch, rows), keep)));
        }
        return out;
    }

    /** Builds the training updates that store {@code last} (one per state variable). */
    void store(Ops tf, List<Operand<TFloat32>> last) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            Operand<TFloat32> value =
                    resize(tf, tf.stopGradient(last.get(i)), rows, tf.constant(new int[] {batch}));
            ops.add(tf.assign(states.get(i).variable(), value));
        }
        // the phase must be read before the count moves on (the read shares the buffer)
        ops.add(
                tf.withControlDependencies(List.of(keep))
                        .assign(steps.variable(), tf.math.add(steps.read(), tf.constant(1f))));
        updates = List.copyOf(ops);
    }

    /** The assignments to run with every training step. */
    List<Op> updates() {
        return updates;
    }

    private static Operand<TFloat32> resize(
            Ops tf, Operand<TFloat32> s, int from, Operand<TInt32> to) {
        return resize(tf, s, tf.constant(new int[] {from}), to);
    }

    /** {@code s}'s first {@code to} rows, repeated when it has fewer ({@code [from, units]}). */
    private static Operand<TFloat32> resize(
            Ops tf, Operand<TFloat32> s, Operand<TInt32> from, Operand<TInt32> to) {
        Operand<TInt32> copies =
                tf.math.floorDiv(tf.math.add(to, tf.math.sub(from, tf.constant(1))), from);
        Operand<TInt32> multiples =
                tf.concat(List.of(copies, tf.constant(new int[] {1})), tf.constant(0));
        Operand<TInt32> size = tf.concat(List.of(to, tf.constant(new int[] {-1})), tf.constant(0));
        return tf.slice(tf.tile(s, multiples), tf.constant(new int[] {0, 0}), size);
    }
}
