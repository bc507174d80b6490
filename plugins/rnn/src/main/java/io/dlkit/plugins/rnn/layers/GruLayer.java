package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializer;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
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
 *
 * <p>{@code reset_after: true} is PyTorch's (and Keras' {@code reset_after=True}, cuDNN's) variant
 * instead: the relevance gate multiplies the recurrent product, which has its own bias {@code
 * <name>_recurrent_bias} ({@code [3 units]}): {@code c~ = tanh(W_cx x + b_c + Gamma_r * (W_cc c +
 * b_rc))}, and likewise {@code + b_ru}, {@code + b_rr} inside the two gates. PyTorch's {@code
 * weight_ih} (blocks r, z, n) maps to {@code kernel = [-W_iz, W_ir, W_in]^T}, {@code weight_hh} to
 * {@code recurrent_kernel = [-W_hz, W_hr, W_hn]^T}, {@code bias = [-b_iz, b_ir, b_in]}, {@code
 * recurrent_bias = [-b_hz, b_hr, b_hn]} (z negated, since {@code Gamma_u = 1 - z}). See {@link
 * RecurrentLayer}.
 */
public final class GruLayer extends RecurrentLayer {
    /** The type name in model files. */
    public static final String TYPE = "gru";

    /** A GRU of {@code units}. */
    public GruLayer(String name, int units, boolean returnSequences, Initializer initializer) {
        this(name, units, returnSequences, initializer, false);
    }

    /** A GRU of {@code units}, PyTorch's variant when {@code resetAfter}. */
    public GruLayer(
            String name,
            int units,
            boolean returnSequences,
            Initializer initializer,
            boolean resetAfter) {
        super(name, units, returnSequences, initializer);
        this.resetAfter = resetAfter;
    }

    /** Reads {@code {type: gru, units: 64, return_sequences: true, reset_after: false}}. */
    public static GruLayer fromConfig(ConfigReader r) {
        Settings s = Settings.read(r, "a gru layer", List.of("reset_after"));
        boolean after = r.optBool("reset_after", false);
        return s.apply(
                new GruLayer(s.name(), s.units(), s.returnSequences(), s.initializer(), after));
    }

    private final boolean resetAfter;
    private WeightVariable<TFloat32> recurrentBias;

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = super.config();
        if (resetAfter) m.put("reset_after", true);
        return m;
    }

    @Override
    protected void buildMore(GraphContext graph) {
        if (resetAfter) {
            recurrentBias =
                    addVariable(
                            graph,
                            "recurrent_bias",
                            graph.tf().constant(new float[3 * units()]),
                            true);
        }
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
        if (resetAfter) return List.of(stepResetAfter(tf, projected, c));
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

    /** PyTorch's variant: the relevance gate applied to the recurrent product plus its bias. */
    private Operand<TFloat32> stepResetAfter(
            Ops tf, Operand<TFloat32> projected, Operand<TFloat32> c) {
        List<Output<TFloat32>> x = tf.split(tf.constant(1), projected, 3L).output();
        Operand<TFloat32> hc =
                tf.nn.biasAdd(tf.linalg.matMul(c, recurrentKernel()), recurrentBias.read());
        List<Output<TFloat32>> h = tf.split(tf.constant(1), hc, 3L).output();
        Operand<TFloat32> update = tf.math.sigmoid(tf.math.add(x.get(0), h.get(0)));
        Operand<TFloat32> relevance = tf.math.sigmoid(tf.math.add(x.get(1), h.get(1)));
        Operand<TFloat32> candidate =
                tf.math.tanh(tf.math.add(x.get(2), tf.math.mul(relevance, h.get(2))));
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), update);
        return tf.math.add(tf.math.mul(update, candidate), tf.math.mul(keep, c));
    }
}
