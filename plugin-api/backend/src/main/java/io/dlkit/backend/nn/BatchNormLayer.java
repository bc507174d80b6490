package io.dlkit.backend.nn;

import io.dlkit.backend.nn.ConfigReader.Range;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation of dense activations {@code z} of shape {@code [m, units]} (type {@code
 * batch_norm}). Per unit, over the {@code m} samples of the batch:
 *
 * <pre>
 * mu      = (1/m) sum_i z_i
 * sigma^2 = (1/m) sum_i (z_i - mu)^2
 * z_norm  = (z - mu) / sqrt(sigma^2 + epsilon)
 * out     = gamma * z_norm + beta
 * </pre>
 *
 * <p>On a channels-last volume {@code [m, H, W, C]} (after a convolution) each channel is one
 * feature, as the notes' "Batch Normalization of CNN" says: {@code mu} and {@code sigma^2} are
 * taken over the {@code m * H * W} values of the channel, and {@code gamma}, {@code beta} and the
 * moving averages have shape {@code [C]}. In general the last axis is normalised over all others.
 *
 * <p>While training ({@code training = true}) {@code mu} and {@code sigma^2} are the batch's; at
 * inference the exponentially weighted averages kept by {@link #trainingUpdates()} replace them:
 * {@code moving = momentum * moving + (1 - momentum) * batch_value} for both mean and (biased)
 * variance. The choice is a {@code tf.select} on the training flag, so one graph serves both.
 *
 * <p>Variables: {@code <name>_gamma} (ones) and {@code <name>_beta} (zeros), trainable; {@code
 * <name>_moving_mean} (zeros) and {@code <name>_moving_variance} (ones), not trainable. Config
 * keys: {@code momentum} (default 0.99, in [0, 1)) and {@code epsilon} (default 1e-3, > 0).
 */
public final class BatchNormLayer extends AbstractLayer {
    /** The type name in model files. */
    public static final String TYPE = "batch_norm";

    /** The default moving-average momentum. */
    public static final double DEFAULT_MOMENTUM = 0.99;

    /** The default epsilon added to the variance. */
    public static final double DEFAULT_EPSILON = 1e-3;

    static final Range MOMENTUM_RANGE = Range.closedOpen(0, 1);
    static final Range EPSILON_RANGE = Range.open(0, Double.POSITIVE_INFINITY);

    private final double momentum;
    private final double epsilon;
    private WeightVariable<TFloat32> gamma;
    private WeightVariable<TFloat32> beta;
    private WeightVariable<TFloat32> movingMean;
    private WeightVariable<TFloat32> movingVariance;
    private List<Op> updates = List.of();

    /** Batch norm with momentum 0.99 and epsilon 1e-3, named by the model. */
    public BatchNormLayer() {
        this(null, DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    /**
     * @param name the name, or null to let the model name it
     * @param momentum the moving averages' {@code beta}, in {@code [0, 1)}
     * @param epsilon added to the variance, {@code > 0}
     */
    public BatchNormLayer(String name, double momentum, double epsilon) {
        super(name);
        if (!MOMENTUM_RANGE.contains(momentum)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!EPSILON_RANGE.contains(epsilon)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    static BatchNormLayer fromConfig(ConfigReader r) {
        r.checkKeys("a batch_norm layer", List.of("type", "name", "momentum", "epsilon"));
        return new BatchNormLayer(
                r.optName(),
                r.optDouble("momentum", DEFAULT_MOMENTUM, MOMENTUM_RANGE),
                r.optDouble("epsilon", DEFAULT_EPSILON, EPSILON_RANGE));
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The moving averages' momentum. */
    public double momentum() {
        return momentum;
    }

    /** The epsilon added to the variance. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = baseConfig();
        m.put("momentum", momentum);
        m.put("epsilon", epsilon);
        return m;
    }

    @Override
    protected long[] doBuild(GraphContext graph, long[] inputShape) {
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    TYPE
                            + " layer '"
                            + name()
                            + "' needs an input shape [features] or [height, width, channels], got "
                            + Arrays.toString(inputShape));
        }
        Ops tf = graph.tf();
        // one gamma, beta and moving pair per feature: the last axis (units or channels)
        long[] featureShape = {inputShape[inputShape.length - 1]};
        Operand<TFloat32> zeros = tf.fill(tf.constant(featureShape), tf.constant(0f));
        Operand<TFloat32> ones = tf.fill(tf.constant(featureShape), tf.constant(1f));
        gamma = addVariable(graph, "gamma", ones, true);
        beta = addVariable(graph, "beta", zeros, true);
        movingMean = addVariable(graph, "moving_mean", zeros, false);
        movingVariance = addVariable(graph, "moving_variance", ones, false);
        return inputShape;
    }

    @Override
    public Operand<TFloat32> call(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        Ops tf = graph.tf();
        List<Operand<TFloat32>> stats = batchStatistics(tf, input);
        Operand<TFloat32> mean = stats.get(0);
        Operand<TFloat32> variance = stats.get(1);
        if (foldsAtInference(training)) {
            return inferenceOnly(tf, input, null);
        }
        Operand<TFloat32> batchNorm = normalise(tf, input, mean, variance);
        Operand<TFloat32> movingNorm =
                normalise(tf, input, movingMean.read(), movingVariance.read());
        Operand<TFloat32> norm = tf.select(training, batchNorm, movingNorm);
        return tf.math.add(tf.math.mul(norm, gamma.read()), beta.read());
    }

    /**
     * The batch's mean and variance of {@code input}, and the moving-average updates from them
     * (built, run only by a training step).
     */
    List<Operand<TFloat32>> batchStatistics(Ops tf, Operand<TFloat32> input) {
        // the batch axis and every spatial axis: [0] for [m, units], [0, 1, 2] for [m, H, W, C]
        int[] axes = IntStream.range(0, inputShape().length).toArray();
        Operand<TFloat32> mean = tf.math.mean(input, tf.constant(axes));
        Operand<TFloat32> variance =
                tf.math.mean(tf.math.squaredDifference(input, mean), tf.constant(axes));
        updates =
                List.of(
                        movingAverageUpdate(tf, movingMean, mean),
                        movingAverageUpdate(tf, movingVariance, variance));
        return List.of(mean, variance);
    }

    /**
     * Whether this layer, called with {@code training}, builds the inference-only form: a {@code
     * [H, W, C]} input in an evaluation-only graph (training flag the constant {@code false}).
     */
    boolean foldsAtInference(Operand<TBool> training) {
        return inputShape().length == 3 && TrainingFlag.isConstantFalse(training);
    }

    /**
     * The evaluation-only graph's batch norm of a {@code [m, H, W, C]} volume: one {@code
     * FusedBatchNormV3} with the moving statistics ({@code is_training = false}), the same formula.
     * TensorFlow's graph optimizer fuses it (and a following ReLU) into the convolution before it,
     * so oneDNN applies scale and shift inside the convolution kernel instead of four more passes
     * over the activations: ResNet-50 inference ran about 25% of its time in those passes (issue
     * #15). A convolution's {@code bias} (or null) is folded into the offset ({@code beta + gamma b
     * / sqrt(var + eps)}), so that nothing sits between the convolution and the batch norm; not
     * into the mean, since the op's gradient does not reach its mean input, and the evaluation-only
     * graph still takes gradients for every trainable variable.
     */
    Operand<TFloat32> inferenceOnly(Ops tf, Operand<TFloat32> input, Operand<TFloat32> bias) {
        Operand<TFloat32> offset = beta.read();
        if (bias != null) {
            Operand<TFloat32> invStd =
                    tf.math.rsqrt(tf.math.add(movingVariance.read(), tf.constant((float) epsilon)));
            offset = tf.math.add(offset, tf.math.mul(tf.math.mul(gamma.read(), bias), invStd));
        }
        return tf.nn.fusedBatchNorm(
                        input,
                        gamma.read(),
                        offset,
                        movingMean.read(),
                        movingVariance.read(),
                        FusedBatchNorm.epsilon((float) epsilon),
                        FusedBatchNorm.isTraining(false))
                .y();
    }

    private Operand<TFloat32> normalise(
            Ops tf, Operand<TFloat32> z, Operand<TFloat32> mean, Operand<TFloat32> variance) {
        Operand<TFloat32> invStd =
                tf.math.rsqrt(tf.math.add(variance, tf.constant((float) epsilon)));
        return tf.math.mul(tf.math.sub(z, mean), invStd);
    }

    private Op movingAverageUpdate(
            Ops tf, WeightVariable<TFloat32> moving, Operand<TFloat32> batchValue) {
        Operand<TFloat32> next =
                tf.math.add(
                        tf.math.mul(moving.read(), tf.constant((float) momentum)),
                        tf.math.mul(batchValue, tf.constant((float) (1 - momentum))));
        return tf.withName(moving.name() + "_update").assign(moving.variable(), next);
    }

    /**
     * The two moving-average assignments; run them with each training step (with {@code training =
     * true}), never at evaluation, since they average whatever batch is fed.
     */
    @Override
    public List<Op> trainingUpdates() {
        return updates;
    }

    /**
     * Normalise, scale and shift: four operations per element ({@code 4 units}, {@code 4 H W C}).
     */
    @Override
    public long flops() {
        return 4 * Arrays.stream(inputShape()).reduce(1, Math::multiplyExact);
    }
}
