package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.Activations;
import io.dlkit.backend.nn.BlockLayer;
import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Initializers;
import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The notes' encoder-decoder for many-to-many of different lengths (type {@code seq2seq}), as one
 * layer of a sequential model. Its input row is the source ids and the decoder's input ids side by
 * side, {@code [source_steps + target_steps]}: the source (padded with -1) goes through the shared
 * {@code embedding} and the {@code encoder} LSTM ({@code mask_padding}, so its final state is the
 * last real token's); that final state {@code (a, c)} initialises the {@code decoder} LSTM, which
 * reads the target shifted right by one (a start token first: teacher forcing in training, its own
 * earlier outputs when decoding), and a {@code time_dense} gives each target step's logits, {@code
 * [target_steps, vocab]}, for the {@code sequence_cross_entropy} objective. The decoder is causal,
 * so step {@code t}'s logits depend only on decoder inputs {@code 0..t}: greedy and beam decoding
 * run the same graph once per output step.
 *
 * <p>Config: {@code source_steps}, {@code target_steps}, {@code vocab}, {@code dim} (embedding),
 * {@code units}, {@code tokens} (the characters by id, as the embedding's). Variables: {@code
 * <name>_embedding_embeddings}, {@code <name>_encoder_*}, {@code <name>_decoder_*}, {@code
 * <name>_output_*}.
 */
public final class Seq2SeqLayer extends BlockLayer {
    /** The type name in model files. */
    public static final String TYPE = "seq2seq";

    private final int sourceSteps;
    private final int targetSteps;
    private final int vocab;
    private final int dim;
    private final int units;
    private final String tokens;
    private final EmbeddingLayer embedding;
    private final LstmLayer encoder;
    private final LstmLayer decoder;
    private final TimeDenseLayer output;

    /** An encoder-decoder; {@code tokens} may be null. */
    public Seq2SeqLayer(
            String name,
            int sourceSteps,
            int targetSteps,
            int vocab,
            int dim,
            int units,
            String tokens) {
        super(name, List.of());
        if (sourceSteps < 1 || targetSteps < 1) {
            throw new IllegalArgumentException("source_steps and target_steps must be >= 1");
        }
        this.sourceSteps = sourceSteps;
        this.targetSteps = targetSteps;
        this.vocab = vocab;
        this.dim = dim;
        this.units = units;
        this.tokens = tokens;
        embedding = addSubLayer("embedding", new EmbeddingLayer(null, vocab, dim, tokens));
        encoder = addSubLayer("encoder", new LstmLayer(null, units, false, Initializers.XAVIER));
        encoder.setMaskPadding(true);
        decoder = addSubLayer("decoder", new LstmLayer(null, units, true, Initializers.XAVIER));
        output = addSubLayer("output", new TimeDenseLayer(null, vocab, Activations.LINEAR));
    }

    /** Reads {@code {type: seq2seq, source_steps: 30, target_steps: 11, vocab: 60, ...}}. */
    public static Seq2SeqLayer fromConfig(ConfigReader r) {
        String what = "a seq2seq layer";
        r.checkKeys(
                what,
                List.of(
                        "type",
                        "name",
                        "source_steps",
                        "target_steps",
                        "vocab",
                        "dim",
                        "units",
                        "tokens"));
        try {
            return new Seq2SeqLayer(
                    r.optName(),
                    r.requireInt("source_steps", 1, what),
                    r.requireInt("target_steps", 1, what),
                    r.requireInt("vocab", 2, what),
                    r.requireInt("dim", 1, what),
                    r.requireInt("units", 1, what),
                    r.optString("tokens", null));
        } catch (IllegalArgumentException e) {
            throw r.error("tokens", e.getMessage());
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The characters by id, or null. */
    public String tokens() {
        return tokens;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("source_steps", sourceSteps);
        m.put("target_steps", targetSteps);
        m.put("vocab", vocab);
        m.put("dim", dim);
        m.put("units", units);
        if (tokens != null) m.put("tokens", tokens);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        if (inputShape.length != 1 || inputShape[0] != sourceSteps + targetSteps) {
            throw new IllegalArgumentException(
                    "seq2seq layer '"
                            + name()
                            + "' needs input_shape ["
                            + (sourceSteps + targetSteps)
                            + "] (source_steps + target_steps)");
        }
        embedding.build(graph, new long[] {sourceSteps + targetSteps});
        encoder.build(graph, new long[] {sourceSteps, dim});
        decoder.build(graph, new long[] {targetSteps, dim});
        output.build(graph, new long[] {targetSteps, units});
        return new long[] {targetSteps, vocab};
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> vectors = embedding.call(graph, input, training);
        Operand<TFloat32> source =
                tf.slice(
                        vectors,
                        tf.constant(new int[] {0, 0, 0}),
                        tf.constant(new int[] {-1, sourceSteps, -1}));
        Operand<TFloat32> target =
                tf.slice(
                        vectors,
                        tf.constant(new int[] {0, sourceSteps, 0}),
                        tf.constant(new int[] {-1, targetSteps, -1}));
        encoder.call(graph, source, training);
        Operand<TFloat32> decoded = decoder.call(graph, target, training, encoder.finalState());
        return output.call(graph, decoded, training);
    }
}
