package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializer;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The notes' LSTM (type {@code lstm}), with forget, update and output gates:
 *
 * <pre>
 * Gamma_u = sigmoid(W_u [a&lt;t-1&gt;, x&lt;t&gt;] + b_u)        (Keras' input gate i)
 * Gamma_f = sigmoid(W_f [a&lt;t-1&gt;, x&lt;t&gt;] + b_f)
 * c~&lt;t&gt;  = tanh(W_c [a&lt;t-1&gt;, x&lt;t&gt;] + b_c)
 * Gamma_o = sigmoid(W_o [a&lt;t-1&gt;, x&lt;t&gt;] + b_o)
 * c&lt;t&gt;   = Gamma_u * c~&lt;t&gt; + Gamma_f * c&lt;t-1&gt;
 * a&lt;t&gt;   = Gamma_o * tanh(c&lt;t&gt;)
 * </pre>
 *
 * <p>The weight blocks are in Keras' order {@code [u (i), f, c, o]}, so Keras LSTM weights load as
 * they are; PyTorch's order is {@code [i, f, g, o]} too, with two biases to add. The forget gate's
 * bias starts at 1 (Keras' {@code unit_forget_bias}). See {@link RecurrentLayer}.
 */
public final class LstmLayer extends RecurrentLayer {
    /** The type name in model files. */
    public static final String TYPE = "lstm";

    /** An LSTM of {@code units}. */
    public LstmLayer(String name, int units, boolean returnSequences, Initializer initializer) {
        super(name, units, returnSequences, initializer);
    }

    /** Reads {@code {type: lstm, units: 64, return_sequences: true}}. */
    public static LstmLayer fromConfig(ConfigReader r) {
        Settings s = Settings.read(r, "an lstm layer");
        return s.apply(new LstmLayer(s.name(), s.units(), s.returnSequences(), s.initializer()));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    protected int gates() {
        return 4;
    }

    @Override
    protected int stateCount() {
        return 2;
    }

    @Override
    protected int elementwise() {
        return 10;
    }

    @Override
    protected float[] initialBias() {
        float[] b = new float[4 * units()];
        Arrays.fill(b, units(), 2 * units(), 1f);
        return b;
    }

    @Override
    protected List<Operand<TFloat32>> step(
            Ops tf, Operand<TFloat32> projected, List<Operand<TFloat32>> state) {
        Operand<TFloat32> a = state.get(0);
        Operand<TFloat32> c = state.get(1);
        Operand<TFloat32> z = tf.math.add(projected, tf.linalg.matMul(a, recurrentKernel()));
        List<Output<TFloat32>> g = tf.split(tf.constant(1), z, 4L).output();
        Operand<TFloat32> update = tf.math.sigmoid(g.get(0));
        Operand<TFloat32> forget = tf.math.sigmoid(g.get(1));
        Operand<TFloat32> candidate = tf.math.tanh(g.get(2));
        Operand<TFloat32> out = tf.math.sigmoid(g.get(3));
        Operand<TFloat32> cNext =
                tf.math.add(tf.math.mul(update, candidate), tf.math.mul(forget, c));
        return List.of(tf.math.mul(out, tf.math.tanh(cNext)), cNext);
    }
}
