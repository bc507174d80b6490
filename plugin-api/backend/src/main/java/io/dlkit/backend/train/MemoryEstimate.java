package io.dlkit.backend.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.Locale;

/**
 * How much memory a model needs, estimated from its graph before any of it is allocated (building a
 * graph costs nothing; TensorFlow allocates variables when they are initialised or restored), so
 * that a model file asking for {@code units: 1000000000} is refused in a second instead of running
 * the machine out of memory for a minute.
 *
 * <p>All tensors are 32-bit floats. The estimate is the sum of:
 *
 * <ul>
 *   <li>variables: every variable of the graph (weights, batch-norm statistics and, once the
 *       optimizer is built, its slots: Adam's m and v double the trainable weights);
 *   <li>gradients: one value per trainable weight while training;
 *   <li>activations: {@code batch * (input + every layer's output)} values, times {@value
 *       #TRAINING_ACTIVATION_FACTOR} while training (the output, its gradient, and the
 *       pre-activation or mask most layers keep), once at inference.
 * </ul>
 *
 * It is an estimate: TensorFlow's scratch space (im2col buffers, workspace of fused kernels) is not
 * counted, and inference frees activations early. Compare it with {@link AvailableMemory#bytes()}.
 *
 * @param variableBytes bytes of all variables
 * @param gradientBytes bytes of the gradients (0 at inference)
 * @param activationBytes bytes of one batch's activations
 * @param batchSize the batch size the activations are counted for
 */
public record MemoryEstimate(
        long variableBytes, long gradientBytes, long activationBytes, int batchSize) {
    /** Values kept per activation while training: output, gradient, one intermediate. */
    public static final int TRAINING_ACTIVATION_FACTOR = 3;

    private static final int FLOAT_BYTES = 4;

    /**
     * The memory to train {@code model} at {@code batchSize} in {@code graph}, where the training
     * graph (forward pass, gradients and optimizer) is built but not yet initialised.
     */
    public static MemoryEstimate ofTraining(GraphContext graph, Model model, int batchSize) {
        return of(graph, model, batchSize, true);
    }

    /** The memory to run {@code model} forward at {@code batchSize} in {@code graph}. */
    public static MemoryEstimate ofInference(GraphContext graph, Model model, int batchSize) {
        return of(graph, model, batchSize, false);
    }

    /**
     * The memory to train a summarised model at {@code batchSize} with an optimizer that keeps
     * {@code slotsPerWeight} values per trainable weight (2 for Adam, 1 for momentum or RMSprop, 0
     * for plain gradient descent).
     */
    public static MemoryEstimate ofSummary(
            ModelSummary summary, int batchSize, int slotsPerWeight) {
        requireNonNull(summary, "summary is null");
        double trainable = summary.trainableParams();
        double variables = summary.totalParams() + slotsPerWeight * trainable;
        double values = 0;
        for (ModelSummary.Row r : summary.rows()) values += elements(r.outputShape());
        return new MemoryEstimate(
                bytes(variables),
                bytes(trainable),
                bytes((double) batchSize * values * TRAINING_ACTIVATION_FACTOR),
                batchSize);
    }

    /** Everything added up. */
    public long totalBytes() {
        return saturatedAdd(saturatedAdd(variableBytes, gradientBytes), activationBytes);
    }

    /**
     * The parts in words: {@code "variables 14.9 GiB, gradients 3.7 GiB, activations of a 64-sample
     * batch 1.2 GiB"}.
     */
    public String breakdown() {
        return "variables "
                + human(variableBytes)
                + (gradientBytes > 0 ? ", gradients " + human(gradientBytes) : "")
                + ", activations of a "
                + batchSize
                + "-sample batch "
                + human(activationBytes);
    }

    /** {@code 512 B}, {@code 3.2 MiB}, {@code 14.9 GiB}, ... (binary units, one decimal). */
    public static String human(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static MemoryEstimate of(
            GraphContext graph, Model model, int batchSize, boolean training) {
        requireNonNull(graph, "graph is null");
        requireNonNull(model, "model is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        double variables = 0;
        double trainable = 0;
        for (WeightVariable<?> v : graph.variables()) {
            double n = elements(v.variable().shape().asArray());
            variables += n;
            if (v.trainable()) trainable += n;
        }
        double values = elements(model.inputShape());
        try {
            for (long[] shape : model.layerOutputShapes()) values += elements(shape);
        } catch (UnsupportedOperationException e) {
            // a model that does not report its layers: its input and variables are still counted
        }
        int factor = training ? TRAINING_ACTIVATION_FACTOR : 1;
        return new MemoryEstimate(
                bytes(variables),
                training ? bytes(trainable) : 0,
                bytes((double) batchSize * values * factor),
                batchSize);
    }

    private static double elements(long[] shape) {
        double n = 1;
        for (long d : shape) n *= Math.max(d, 1);
        return n;
    }

    private static long bytes(double values) {
        double b = values * FLOAT_BYTES;
        return b >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) b;
    }

    private static long saturatedAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
