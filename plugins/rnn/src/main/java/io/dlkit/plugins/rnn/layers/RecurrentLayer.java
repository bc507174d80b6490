package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializer;
import io.dlkit.backend.nn.Initializers;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The common part of the recurrent layers: an input {@code [T, features]} run through a cell for
 * {@code T} steps, statically unrolled (TensorFlow Java cannot differentiate while loops), from a
 * zero state. Returns every step's {@code a<t>} ({@code [T, units]}, {@code return_sequences:
 * true}) or the last one ({@code [units]}).
 *
 * <p>Weights in Keras' layout, gates side by side in blocks of {@code units} columns: {@code
 * <name>_kernel} {@code [features, gates * units]} (the input part of the notes' {@code W}), {@code
 * <name>_recurrent_kernel} {@code [units, gates * units]} (the state part) and {@code <name>_bias}
 * {@code [gates * units]}. The input projections of all steps are one matrix product.
 *
 * <p>Config keys: {@code units} (>= 1), {@code return_sequences} (default false), {@code
 * initializer} for both kernels (default {@code xavier}), {@code mask_padding} (default false; see
 * {@link #setMaskPadding}), {@code stateful_batch} and {@code reset_every} (default 0, not
 * stateful; see {@link #setStateful}).
 */
public abstract class RecurrentLayer extends AbstractLayer {
    static final List<String> KEYS =
            List.of(
                    "type",
                    "name",
                    "units",
                    "return_sequences",
                    "initializer",
                    "mask_padding",
                    "stateful_batch",
                    "reset_every");

    private final int units;
    private final boolean returnSequences;
    private final Initializer initializer;
    private boolean maskPadding;
    private int statefulBatch;
    private int resetEvery;
    private CarriedState carried;
    private List<Operand<TFloat32>> finalState;
    private WeightVariable<TFloat32> kernel;
    private WeightVariable<TFloat32> recurrentKernel;
    private WeightVariable<TFloat32> bias;

    protected RecurrentLayer(
            String name, int units, boolean returnSequences, Initializer initializer) {
        super(name);
        if (units < 1) throw new IllegalArgumentException("units must be >= 1, got " + units);
        this.units = units;
        this.returnSequences = returnSequences;
        this.initializer = initializer == null ? Initializers.XAVIER : initializer;
    }

    /** The settings shared by every recurrent type, read from {@code r}. */
    record Settings(
            String name,
            int units,
            boolean returnSequences,
            Initializer initializer,
            boolean maskPadding,
            int statefulBatch,
            int resetEvery) {
        static Settings read(ConfigReader r, String what) {
            return read(r, what, List.of());
        }

        /** Reads the shared keys; {@code more} are the type's own keys, also allowed. */
        static Settings read(ConfigReader r, String what, List<String> more) {
            List<String> keys = new ArrayList<>(KEYS);
            keys.addAll(more);
            r.checkKeys(what, keys);
            int units = r.requireInt("units", 1, what);
            boolean seq = r.optBool("return_sequences", false);
            String init = r.optString("initializer", "xavier");
            boolean mask = r.optBool("mask_padding", false);
            int batch = r.optInt("stateful_batch", 0, 0);
            int reset = r.optInt("reset_every", 0, 0);
            try {
                return new Settings(
                        r.optName(), units, seq, Initializers.get(init), mask, batch, reset);
            } catch (IllegalArgumentException e) {
                throw r.error("initializer", e.getMessage());
            }
        }

        <L extends RecurrentLayer> L apply(L layer) {
            layer.setMaskPadding(maskPadding);
            layer.setStateful(statefulBatch, resetEvery);
            return layer;
        }
    }

    /**
     * Whether a step whose input vector is all zeros (an embedding's output for id -1) is padding:
     * the state passes it unchanged and its output repeats the previous step's, so the last output
     * is the last real step's (Keras' masking). Off by default; set before {@link #build}.
     */
    public void setMaskPadding(boolean maskPadding) {
        if (isBuilt()) throw new IllegalStateException("layer '" + name() + "' is already built");
        this.maskPadding = maskPadding;
    }

    /**
     * Makes the layer stateful for truncated back-propagation through time ({@link CarriedState}):
     * while training, each batch of exactly {@code batch} rows starts from the state the previous
     * batch ended with, the state restarting from zeros every {@code resetEvery} batches (0:
     * never); the trainer then keeps the batches in order. {@code batch} 0 turns it off. Set before
     * {@link #build}.
     */
    public void setStateful(int batch, int resetEvery) {
        if (isBuilt()) throw new IllegalStateException("layer '" + name() + "' is already built");
        if (batch < 0 || resetEvery < 0) {
            throw new IllegalArgumentException(
                    "stateful_batch and reset_every must be >= 0, got "
                            + batch
                            + " and "
                            + resetEvery);
        }
        this.statefulBatch = batch;
        this.resetEvery = resetEvery;
    }

    /** Whether the state is carried across training batches. */
    @Override
    public boolean needsBatchesInOrder() {
        return statefulBatch > 0;
    }

    /** The carried state's assignments (stateful layers only), valid after {@link #call}. */
    @Override
    public List<org.tensorflow.op.Op> trainingUpdates() {
        return carried == null ? List.of() : carried.updates();
    }

    /** The state after the last step of the latest {@link #call} ({@code a}, then {@code c}). */
    public List<Operand<TFloat32>> finalState() {
        if (finalState == null)
            throw new IllegalStateException("layer '" + name() + "' not called");
        return finalState;
    }

    /** The number of gate blocks in the weights (1 for the basic cell, 3 GRU, 4 LSTM). */
    protected abstract int gates();

    /** How many state tensors the cell carries (2 for the LSTM's a and c, else 1). */
    protected int stateCount() {
        return 1;
    }

    /**
     * One step: the new state from the previous one and this step's input projection {@code x W +
     * b} ({@code [batch, gates * units]}); element 0 of the state is the output {@code a<t>}.
     */
    protected abstract List<Operand<TFloat32>> step(
            Ops tf, Operand<TFloat32> projected, List<Operand<TFloat32>> state);

    /** The number of units. */
    public int units() {
        return units;
    }

    /** Whether every step's output is returned. */
    public boolean returnSequences() {
        return returnSequences;
    }

    /** The recurrent kernel's read, for {@link #step}. */
    protected Operand<TFloat32> recurrentKernel() {
        return recurrentKernel.read();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("units", units);
        m.put("return_sequences", returnSequences);
        m.put("initializer", initializer.name());
        if (maskPadding) m.put("mask_padding", true);
        if (statefulBatch > 0) {
            m.put("stateful_batch", statefulBatch);
            m.put("reset_every", resetEvery);
        }
        return m;
    }

    /** Hook for a cell's extra weights, after the kernels and bias (none by default). */
    protected void buildMore(GraphContext graph) {}

    @Override
    protected final long[] doBuild(GraphContext graph, long[] inputShape) {
        if (inputShape.length != 2 || inputShape[0] < 1 || inputShape[1] < 1) {
            throw new IllegalArgumentException(
                    type()
                            + " layer '"
                            + name()
                            + "' needs an input of shape [steps, features], got rank "
                            + inputShape.length
                            + " (put an embedding layer before it for token ids)");
        }
        long width = (long) gates() * units;
        kernel = weight(graph, "kernel", inputShape[1], width);
        recurrentKernel = weight(graph, "recurrent_kernel", units, width);
        bias = addVariable(graph, "bias", graph.tf().constant(initialBias()), true);
        buildMore(graph);
        if (statefulBatch > 0) carried = carriedState(graph);
        return returnSequences ? new long[] {inputShape[0], units} : new long[] {units};
    }

    private CarriedState carriedState(GraphContext graph) {
        Ops tf = graph.tf();
        List<WeightVariable<TFloat32>> states = new ArrayList<>();
        for (int i = 0; i < stateCount(); i++) {
            Operand<TFloat32> zeros =
                    tf.zeros(tf.constant(new long[] {statefulBatch, units}), TFloat32.class);
            states.add(addVariable(graph, "state_" + i, zeros, false));
        }
        WeightVariable<TFloat32> steps = addVariable(graph, "state_steps", tf.constant(0f), false);
        return new CarriedState(statefulBatch, resetEvery, states, steps);
    }

    /** The bias's initial value (zeros; the LSTM starts its forget gate at 1). */
    protected float[] initialBias() {
        return new float[gates() * units];
    }

    private WeightVariable<TFloat32> weight(GraphContext g, String suffix, long rows, long cols) {
        return addVariable(
                g, suffix, initializer.initialValue(g, name() + "_" + suffix, rows, cols), true);
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        return call(graph, input, training, null);
    }

    /**
     * Runs the layer from {@code initial} (one tensor {@code [batch, units]} per state: {@code a},
     * and {@code c} for the LSTM), or from the usual start when null: an encoder's final state
     * starting a decoder. {@link #finalState()} then gives the state after the last step.
     */
    public Operand<TFloat32> call(
            GraphContext graph,
            Operand<TFloat32> input,
            Operand<TBool> training,
            List<Operand<TFloat32>> initial) {
        if (initial != null && initial.size() != stateCount()) {
            throw new IllegalArgumentException(
                    type() + " layer '" + name() + "' takes " + stateCount() + " state tensors");
        }
        Ops tf = graph.tf();
        long[] in = inputShape();
        int steps = (int) in[0];
        long width = (long) gates() * units;
        Operand<TFloat32> flat = tf.reshape(input, tf.constant(new long[] {-1, in[1]}));
        Operand<TFloat32> projected =
                tf.nn.biasAdd(tf.linalg.matMul(flat, kernel.read()), bias.read());
        projected = tf.reshape(projected, tf.constant(new long[] {-1, steps, width}));
        List<Output<TFloat32>> perStep =
                tf.unstack(projected, (long) steps, Unstack.axis(1L)).output();
        List<Operand<TFloat32>> state =
                initial != null
                        ? initial
                        : carried == null
                                ? zeroState(tf, input)
                                : carried.initial(tf, input, training);
        List<Operand<TFloat32>> outputs = new ArrayList<>();
        List<Output<TFloat32>> inputs =
                maskPadding ? tf.unstack(input, (long) steps, Unstack.axis(1L)).output() : null;
        for (int t = 0; t < steps; t++) {
            List<Operand<TFloat32>> next = step(tf, perStep.get(t), state);
            state = maskPadding ? carryOverPadding(tf, inputs.get(t), next, state) : next;
            outputs.add(state.get(0));
        }
        if (carried != null) carried.store(tf, state);
        finalState = state;
        if (!returnSequences) return outputs.get(steps - 1);
        return tf.stack(outputs, Stack.axis(1L));
    }

    /** {@code m next + (1 - m) previous}, {@code m} 1 unless the step's input is all zeros. */
    private static List<Operand<TFloat32>> carryOverPadding(
            Ops tf,
            Operand<TFloat32> x,
            List<Operand<TFloat32>> next,
            List<Operand<TFloat32>> previous) {
        Operand<TFloat32> real =
                tf.stopGradient(
                        tf.dtypes.cast(
                                tf.math.greater(
                                        tf.max(
                                                tf.math.abs(x),
                                                tf.constant(new int[] {1}),
                                                Max.keepDims(true)),
                                        tf.constant(0f)),
                                TFloat32.class));
        Operand<TFloat32> padding = tf.math.sub(tf.constant(1f), real);
        List<Operand<TFloat32>> out = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            out.add(
                    tf.math.add(
                            tf.math.mul(real, next.get(i)), tf.math.mul(padding, previous.get(i))));
        }
        return out;
    }

    private List<Operand<TFloat32>> zeroState(Ops tf, Operand<TFloat32> input) {
        // [batch] as a 1-element vector: the batch size is only known when fed
        Operand<TInt32> batch =
                tf.slice(tf.shape(input), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> zeros =
                tf.fill(
                        tf.concat(List.of(batch, tf.constant(new int[] {units})), tf.constant(0)),
                        tf.constant(0f));
        List<Operand<TFloat32>> s = new ArrayList<>();
        for (int i = 0; i < stateCount(); i++) s.add(zeros);
        return s;
    }

    /** The recurrent kernel is applied to the state (regularized); the bias is not. */
    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return kernel == null ? List.of() : List.of(kernel, recurrentKernel);
    }

    /**
     * Per step {@code 2 (features + units) gates units} for the two products, plus {@code
     * elementwise() units} for the gates' element-wise work.
     */
    @Override
    public long flops() {
        long[] in = inputShape();
        long perStep = 2L * (in[1] + units) * gates() * units + (long) elementwise() * units;
        return in[0] * perStep;
    }

    /** Element-wise operations per unit and step (activations counted as one). */
    protected abstract int elementwise();
}
