package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializer;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The notes' basic RNN cell (type {@code simple_rnn}, Keras' SimpleRNN):
 *
 * <pre>
 * a&lt;t&gt; = tanh(W_a [a&lt;t-1&gt;, x&lt;t&gt;] + b_a) = tanh(x&lt;t&gt; W_ax + a&lt;t-1&gt; W_aa + b_a)
 * </pre>
 *
 * <p>with {@code W_ax} the kernel {@code [features, units]} and {@code W_aa} the recurrent kernel
 * {@code [units, units]} (row-vector layout, the transpose of the notes' column form). The notes'
 * output {@code y<t> = softmax(W_ya a<t> + b_y)} is a {@code time_dense} layer after it with the
 * sequence softmax objective. {@code activation: relu} replaces tanh by {@code max(0, z)} (an
 * unbounded cell whose gradients can explode, as the notes warn). See {@link RecurrentLayer} for
 * the other config keys.
 */
public final class SimpleRnnLayer extends RecurrentLayer {
    /** The type name in model files. */
    public static final String TYPE = "simple_rnn";

    /** A basic RNN of {@code units}. */
    public SimpleRnnLayer(
            String name, int units, boolean returnSequences, Initializer initializer) {
        this(name, units, returnSequences, initializer, false);
    }

    /** A basic RNN of {@code units}, with ReLU instead of tanh when {@code relu}. */
    public SimpleRnnLayer(
            String name,
            int units,
            boolean returnSequences,
            Initializer initializer,
            boolean relu) {
        super(name, units, returnSequences, initializer);
        this.relu = relu;
    }

    private final boolean relu;

    /** Reads {@code {type: simple_rnn, units: 16, return_sequences: true, activation: tanh}}. */
    public static SimpleRnnLayer fromConfig(ConfigReader r) {
        Settings s = Settings.read(r, "a simple_rnn layer", List.of("activation"));
        String activation = r.optString("activation", "tanh");
        if (!List.of("tanh", "relu").contains(activation)) {
            throw r.error("activation", "must be tanh or relu, got '" + activation + "'");
        }
        return s.apply(
                new SimpleRnnLayer(
                        s.name(),
                        s.units(),
                        s.returnSequences(),
                        s.initializer(),
                        activation.equals("relu")));
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = super.config();
        if (relu) m.put("activation", "relu");
        return m;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected int gates() {
        return 1;
    }

    @Override
    protected int elementwise() {
        return 2;
    }

    @Override
    protected List<Operand<TFloat32>> step(
            Ops tf, Operand<TFloat32> projected, List<Operand<TFloat32>> state) {
        Operand<TFloat32> a = state.get(0);
        Operand<TFloat32> z = tf.math.add(projected, tf.linalg.matMul(a, recurrentKernel()));
        return List.of(relu ? tf.nn.relu(z) : tf.math.tanh(z));
    }
}
