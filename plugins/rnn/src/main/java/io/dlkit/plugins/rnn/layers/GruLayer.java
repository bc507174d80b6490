package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializer;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The notes' GRU (type {@code gru}), with update and relevance gates, {@code a<t> = c<t>}:
 *
 * <pre>
 * Gamma_u = sigmoid(W_u [c&lt;t-1&gt;, x&lt;t&gt;] + b_u)
 * Gamma_r = sigmoid(W_r [c&lt;t-1&gt;, x&lt;t&gt;] + b_r)
 * c~&lt;t&gt;  = tanh(W_c [Gamma_r * c&lt;t-1&gt;, x&lt;t&gt;] + b_c)
 * c&lt;t&gt;   = Gamma_u * c~&lt;t&gt; + (1 - Gamma_u) * c&lt;t-1&gt;
 * </pre>
 *
 * <p>The relevance gate multiplies the state before the recurrent product, as in the notes and
 * Keras' {@code reset_after=False} (PyTorch applies it after the product, a different variant).
 * Blocks in Keras' order {@code [u, r, c]}; Keras' update gate {@code z} weighs the old state
 * ({@code h = z h_prev + (1 - z) h~}), so {@code z = 1 - Gamma_u}: importing Keras GRU weights
 * means negating the first block of the kernels and bias ({@code sigmoid(-v) = 1 - sigmoid(v)}).
 * See {@link RecurrentLayer}.
 */
public final class GruLayer extends RecurrentLayer {
    /** The type name in model files. */
    public static final String TYPE = "gru";

    /** A GRU of {@code units}. */
    public GruLayer(String name, int units, boolean returnSequences, Initializer initializer) {
        super(name, units, returnSequences, initializer);
    }

    /** Reads {@code {type: gru, units: 64, return_sequences: true}}. */
    public static GruLayer fromConfig(ConfigReader r) {
        Settings s = Settings.read(r, "a gru layer");
        return s.apply(new GruLayer(s.name(), s.units(), s.returnSequences(), s.initializer()));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected int gates() {
        return 3;
    }

    @Override
    protected int elementwise() {
        return 8;
    }

    @Override
    protected List<Operand<TFloat32>> step(
            Ops tf, Operand<TFloat32> projected, List<Operand<TFloat32>> state) {
        Operand<TFloat32> c = state.get(0);
        List<Output<TFloat32>> x = tf.split(tf.constant(1), projected, 3L).output();
        List<Output<TFloat32>> u = tf.split(tf.constant(1), recurrentKernel(), 3L).output();
        Operand<TFloat32> update =
                tf.math.sigmoid(tf.math.add(x.get(0), tf.linalg.matMul(c, u.get(0))));
        Operand<TFloat32> relevance =
                tf.math.sigmoid(tf.math.add(x.get(1), tf.linalg.matMul(c, u.get(1))));
        Operand<TFloat32> candidate =
                tf.math.tanh(
                        tf.math.add(
                                x.get(2), tf.linalg.matMul(tf.math.mul(relevance, c), u.get(2))));
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), update);
        return List.of(tf.math.add(tf.math.mul(update, candidate), tf.math.mul(keep, c)));
    }
}
