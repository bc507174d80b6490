package io.dlkit.plugins.rnn.layers;

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
 * A lookup table (type {@code embedding}): token ids {@code [T]} (floats holding integers, as every
 * dlkit input is float) to vectors {@code [T, dim]}, {@code out[t] = E[id_t]} by a gather, never a
 * one-hot product. A negative id (padding, -1) gives a zero vector, which recurrent layers with
 * {@code mask_padding: true} skip; an id {@code >= vocab} reads the last row. The table {@code
 * <name>_embeddings} ({@code [vocab, dim]}, Keras' layout) starts uniform in [-0.05, 0.05] as in
 * Keras.
 *
 * <p>Config keys: {@code vocab} (>= 1), {@code dim} (>= 1), optional {@code tokens}: the vocabulary
 * itself as a string, character {@code i} having id {@code i} (so a character model's vocabulary is
 * stored in model.yaml with the model; its length must equal {@code vocab}), or {@code words}: a
 * word model's vocabulary as a list, word {@code i} having id {@code i}; {@code vectors}: a {@code
 * .npy} file of the table's initial values {@code [vocab, dim]} (pretrained word vectors).
 */
public final class EmbeddingLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "embedding";

    private final int vocab;
    private final int dim;
    private final String tokens;
    private List<String> words;
    private String vectors;
    private WeightVariable<TFloat32> table;

    /**
     * @param name the name, or null to let the model name it
     * @param vocab the number of ids, >= 1
     * @param dim the vector size, >= 1
     * @param tokens the characters by id, or null
     */
    public EmbeddingLayer(String name, int vocab, int dim, String tokens) {
        super(name);
        if (vocab < 1) throw new IllegalArgumentException("vocab must be >= 1, got " + vocab);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (tokens != null && tokens.codePointCount(0, tokens.length()) != vocab) {
            throw new IllegalArgumentException(
                    "tokens has "
                            + tokens.codePointCount(0, tokens.length())
                            + " characters but vocab is "
                            + vocab
                            + "; give one character per id");
        }
        this.vocab = vocab;
        this.dim = dim;
        this.tokens = tokens;
    }

    /** Reads {@code {type: embedding, vocab: 60, dim: 16, tokens: "..."}}. */
    public static EmbeddingLayer fromConfig(ConfigReader r) {
        r.checkKeys(
                "an embedding layer",
                List.of("type", "name", "vocab", "dim", "tokens", "words", "vectors"));
        int vocab = r.requireInt("vocab", 1, "an embedding layer");
        int dim = r.requireInt("dim", 1, "an embedding layer");
        String tokens = r.optString("tokens", null);
        EmbeddingLayer layer;
        try {
            layer = new EmbeddingLayer(r.optName(), vocab, dim, tokens);
        } catch (IllegalArgumentException e) {
            throw r.error("tokens", e.getMessage());
        }
        if (r.has("words")) {
            if (!(r.get("words") instanceof List<?> list)
                    || list.size() != vocab
                    || !list.stream().allMatch(String.class::isInstance)) {
                throw r.error("words", "give a list of " + vocab + " words, one per id");
            }
            layer.words = list.stream().map(String.class::cast).toList();
        }
        layer.vectors = r.optString("vectors", null);
        return layer;
    }

    /** The words by id, or null when the config gives none. */
    public List<String> words() {
        return words;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The characters by id, or null when the config gives none. */
    public String tokens() {
        return tokens;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("vocab", vocab);
        m.put("dim", dim);
        if (tokens != null) m.put("tokens", tokens);
        if (words != null) m.put("words", words);
        if (vectors != null) m.put("vectors", vectors);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException(
                    "embedding layer '"
                            + name()
                            + "' needs ids of shape [steps], got rank "
                            + inputShape.length);
        }
        Ops tf = graph.tf();
        long seed = graph.seedFor(name() + "_embeddings");
        Operand<TFloat32> uniform =
                tf.random.statelessRandomUniform(
                        tf.constant(new long[] {vocab, dim}), tf.constant(new long[] {seed, 0}));
        Operand<TFloat32> init =
                vectors != null
                        ? tf.constant(
                                org.tensorflow.ndarray.Shape.of(vocab, dim),
                                org.tensorflow.ndarray.buffer.DataBuffers.of(readVectors()))
                        : tf.math.mul(tf.math.sub(uniform, tf.constant(0.5f)), tf.constant(0.1f));
        table = addVariable(graph, "embeddings", init, true);
        return new long[] {inputShape[0], dim};
    }

    private float[] readVectors() {
        try {
            io.dlkit.backend.io.NdArray a =
                    io.dlkit.backend.io.Npy.read(java.nio.file.Path.of(vectors));
            float[] f = a.floats();
            if (f.length != (long) vocab * dim) {
                throw new IllegalArgumentException(
                        "vectors "
                                + vectors
                                + " holds "
                                + f.length
                                + " values, not vocab x dim = "
                                + (long) vocab * dim);
            }
            return f;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(
                    "embedding layer '"
                            + name()
                            + "': cannot read vectors "
                            + vectors
                            + ": "
                            + e.getMessage());
        }
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TInt32> ids = tf.dtypes.cast(tf.math.round(input), TInt32.class);
        Operand<TFloat32> real =
                tf.expandDims(
                        tf.dtypes.cast(tf.math.greaterEqual(ids, tf.constant(0)), TFloat32.class),
                        tf.constant(-1));
        ids = tf.math.minimum(tf.math.maximum(ids, tf.constant(0)), tf.constant(vocab - 1));
        return tf.math.mul(tf.gather(table.read(), ids, tf.constant(0)), real);
    }

    /** A lookup is a copy: no arithmetic, counted as one per output element. */
    @Override
    public long flops() {
        return inputShape()[0] * dim;
    }
}
