package io.dlkit.plugins.embeddings.nlm;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The first layer of the notes' neural language model (type {@code context_embedding}): the ids of
 * {@code n} context words {@code [n]} (floats holding integers, as every dlkit input is float)
 * become their embeddings concatenated, {@code [n * dim]}: {@code out = [E[id_1], ..., E[id_n]]},
 * one gather from the table {@code <name>_embeddings} ({@code [vocab, dim]}, uniform in [-0.05,
 * 0.05] at the start) and a reshape. Ids are clamped to {@code [0, vocab - 1]}.
 *
 * <p>Config keys: {@code vocab} (>= 1), {@code dim} (>= 1).
 */
public final class ContextEmbeddingLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "context_embedding";

    private final int vocab;
    private final int dim;
    private WeightVariable<TFloat32> table;

    /**
     * @param name the name, or null to let the model name it
     * @param vocab the number of ids, >= 1
     * @param dim the vector size, >= 1
     */
    public ContextEmbeddingLayer(String name, int vocab, int dim) {
        super(name);
        if (vocab < 1) throw new IllegalArgumentException("vocab must be >= 1, got " + vocab);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        this.vocab = vocab;
        this.dim = dim;
    }

    /** Reads {@code {type: context_embedding, vocab: 5000, dim: 50}}. */
    public static ContextEmbeddingLayer fromConfig(ConfigReader r) {
        r.checkKeys("a context_embedding layer", List.of("type", "name", "vocab", "dim"));
        int vocab = r.requireInt("vocab", 1, "a context_embedding layer");
        int dim = r.requireInt("dim", 1, "a context_embedding layer");
        return new ContextEmbeddingLayer(r.optName(), vocab, dim);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("vocab", vocab);
        m.put("dim", dim);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        requireFlatInput(inputShape);
        Ops tf = graph.tf();
        long seed = graph.seedFor(name() + "_embeddings");
        Operand<TFloat32> uniform =
                tf.random.statelessRandomUniform(
                        tf.constant(new long[] {vocab, dim}), tf.constant(new long[] {seed, 0}));
        Operand<TFloat32> init =
                tf.math.mul(tf.math.sub(uniform, tf.constant(0.5f)), tf.constant(0.1f));
        table = addVariable(graph, "embeddings", init, true);
        return new long[] {inputShape[0] * dim};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TInt32> ids = tf.dtypes.cast(tf.math.round(input), TInt32.class);
        ids = tf.math.minimum(tf.math.maximum(ids, tf.constant(0)), tf.constant(vocab - 1));
        Operand<TFloat32> rows = tf.gather(table.read(), ids, tf.constant(0));
        return tf.reshape(rows, tf.constant(new long[] {-1, inputShape()[0] * dim}));
    }

    /** A lookup is a copy: counted as one per output element. */
    @Override
    public long flops() {
        return inputShape()[0] * dim;
    }
}
