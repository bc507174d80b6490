package io.dlkit.backend.nn;

import io.dlkit.backend.nn.ConfigReader.Range;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.StatelessRandomUniform;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Inverted dropout (type {@code dropout}). While training, each element is kept with probability
 * {@code keep_prob} and the survivors are scaled so the expected activation is unchanged:
 *
 * <pre>
 * D   = (U < keep_prob),  U ~ Uniform[0, 1) of the input's shape
 * out = A * D / keep_prob
 * </pre>
 *
 * <p>Back-propagation reuses the same mask, because the gradient of the product flows through the
 * very {@code D} the forward pass drew in that run: {@code dA = dOut * D / keep_prob}. At inference
 * ({@code training = false}) the layer is the identity, chosen by {@code tf.select}.
 *
 * <p>The mask is {@code StatelessRandomUniform(shape, [seedFor(name), step])}, where {@code step}
 * is the non-trainable int64 variable {@code <name>_seed_state}: {@link #trainingUpdates()} adds
 * one after the mask is drawn, so each training step gets a new, reproducible mask, and a run that
 * skips the update (evaluation, a gradient check) sees the same mask again. The counter is in the
 * graph (and checkpoints) but not in {@link #variables()}, which lists float weights only.
 *
 * <p>With {@code keep_prob = 1} the layer is the identity and draws nothing.
 */
public final class DropoutLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "dropout";

    static final Range KEEP_PROB_RANGE = Range.openClosed(0, 1);

    private final double keepProb;
    private WeightVariable<TInt64> seedState;
    private List<Op> updates = List.of();

    /**
     * Dropout named by the model.
     *
     * @param keepProb the probability of keeping each element, in {@code (0, 1]}
     */
    public DropoutLayer(double keepProb) {
        this(null, keepProb);
    }

    /**
     * @param name the name, or null to let the model name it
     * @param keepProb the probability of keeping each element, in {@code (0, 1]}
     */
    public DropoutLayer(String name, double keepProb) {
        super(name);
        if (!KEEP_PROB_RANGE.contains(keepProb)) {
            throw new IllegalArgumentException("keep_prob must be in (0, 1], got " + keepProb);
        }
        this.keepProb = keepProb;
    }

    static DropoutLayer fromConfig(ConfigReader r) {
        r.checkKeys("a dropout layer", List.of("type", "name", "keep_prob"));
        if (!r.has("keep_prob")) {
            throw r.error("keep_prob", "required for a dropout layer");
        }
        return new DropoutLayer(r.optName(), r.optDouble("keep_prob", 1, KEEP_PROB_RANGE));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The probability of keeping each element. */
    public double keepProb() {
        return keepProb;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("keep_prob", keepProb);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        if (keepProb < 1) {
            seedState = graph.variable(name() + "_seed_state", graph.tf().constant(0L), false);
        }
        return inputShape;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        if (keepProb >= 1) {
            return input;
        }
        Ops tf = graph.tf();
        Operand<TInt64> seed =
                tf.stack(List.of(tf.constant(graph.seedFor(name())), seedState.read()));
        StatelessRandomUniform<TFloat32> uniform =
                tf.random.statelessRandomUniform(tf.shape(input), seed);
        // mask / keep_prob is off the gradient path: d(out)/dA is exactly that factor
        Operand<TFloat32> scaledMask =
                tf.math.div(
                        tf.dtypes.cast(
                                tf.math.less(uniform, tf.constant((float) keepProb)),
                                TFloat32.class),
                        tf.constant((float) keepProb));
        Operand<TFloat32> dropped = tf.math.mul(input, scaledMask);
        // advance the counter only after this step's mask is drawn
        updates =
                List.of(
                        tf.withControlDependencies(List.of(uniform))
                                .withName(name() + "_seed_state_update")
                                .assignAdd(seedState.variable(), tf.constant(1L)));
        return tf.select(training, dropped, input);
    }

    /** Advances the mask counter; run with each training step. */
    @Override
    public List<Op> trainingUpdates() {
        return updates;
    }
}
