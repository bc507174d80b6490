package io.dlkit.backend.train;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.MiniBatches;
import io.dlkit.backend.runtime.FrozenGraph;
import io.dlkit.backend.tensor.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;

/**
 * Evaluates and predicts with a built {@link TrainingGraph}, batch by batch, in data order;
 * optionally through a {@link FrozenGraph} copy of it (constant weights, same outputs).
 */
public final class ModelRunner {
    private final TrainingGraph g;
    private final FrozenGraph frozen;

    /** A runner over {@code graph}. */
    public ModelRunner(TrainingGraph graph) {
        this(graph, null);
    }

    /**
     * A runner over {@code graph} that runs {@code frozen} (a {@link FrozenGraph} of its graph
     * context) instead when it is not null; the caller closes {@code frozen}.
     */
    public ModelRunner(TrainingGraph graph, FrozenGraph frozen) {
        this.g = graph;
        this.frozen = frozen;
    }

    private Session session() {
        return frozen == null ? g.graph().session() : frozen.session();
    }

    private Session.Runner fetch(Session.Runner r, Operand<?> o) {
        return frozen == null ? r.fetch(o) : r.fetch(frozen.find(o));
    }

    /** Loss, accuracy and (for classification) the confusion matrix over all of {@code data}. */
    public Evaluation evaluate(Dataset data, int batchSize) {
        MiniBatches batches = MiniBatches.inOrder(data, batchSize);
        MiniBatches.Epoch epoch = batches.epoch(0);
        boolean classes = g.objective.classification() && data.hasClassLabels();
        int k = classes ? data.numClasses() : 0;
        long[][] confusion = classes ? new long[k][k] : null;
        double lossSum = 0;
        double[] metricSums = new double[g.metrics.size()];
        long correct = 0;
        try (BatchFeeder feeder = new BatchFeeder(g, batches)) {
            for (int b = 0; b < batches.batchCount(); b++) {
                Session.Runner r = session().runner();
                int rows = feeder.feed(epoch, b, r);
                fetch(fetch(r, g.dataLoss), g.output);
                g.metrics.values().forEach(o -> fetch(r, o));
                try (Result res = r.run()) {
                    lossSum += Tensors.toFloat(res.get(0)) * rows;
                    for (int i = 0; i < metricSums.length; i++)
                        metricSums[i] += Tensors.toFloat(res.get(2 + i)) * rows;
                    if (classes)
                        correct +=
                                tally(
                                        Tensors.toFloats(res.get(1)),
                                        feeder.labels(),
                                        rows,
                                        confusion);
                }
            }
        }
        int m = data.size();
        Map<String, Double> metrics = new LinkedHashMap<>();
        int i = 0;
        for (String name : g.metrics.keySet()) metrics.put(name, metricSums[i++] / m);
        return new Evaluation(
                m, lossSum / m, classes ? (double) correct / m : Double.NaN, confusion, metrics);
    }

    /**
     * Loss, accuracy (when the batches hold {@code labels} and the objective classifies) and the
     * objective's metrics over epoch 0 of {@code data} (seed 0); no confusion matrix.
     */
    public Evaluation evaluate(io.dlkit.backend.data.BatchSource data) {
        boolean classes = g.correct != null && data.names().contains("labels");
        double lossSum = 0;
        double correct = 0;
        double[] metricSums = new double[g.metrics.size()];
        long m = 0;
        try (EpochFeed feed = EpochFeed.of(g, data, 0L)) {
            for (int b = 0; b < feed.batchCount(); b++) {
                Session.Runner r = session().runner();
                int rows = feed.feed(0, b, r);
                fetch(r, g.dataLoss);
                g.metrics.values().forEach(o -> fetch(r, o));
                if (classes) fetch(r, g.correct);
                try (Result res = r.run()) {
                    lossSum += Tensors.toFloat(res.get(0)) * rows;
                    for (int i = 0; i < metricSums.length; i++)
                        metricSums[i] += Tensors.toFloat(res.get(1 + i)) * rows;
                    if (classes) correct += Tensors.toFloat(res.get(1 + metricSums.length));
                }
                m += rows;
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        int i = 0;
        for (String name : g.metrics.keySet()) metrics.put(name, metricSums[i++] / m);
        return new Evaluation(
                (int) m, lossSum / m, classes ? correct / m : Double.NaN, null, metrics);
    }

    /** The activated outputs for every sample, row-major {@code [m, outputs]}. */
    public float[] predict(Dataset data, int batchSize, IntConsumer progress) {
        MiniBatches batches = MiniBatches.inOrder(data, batchSize);
        MiniBatches.Epoch epoch = batches.epoch(0);
        float[] out = null;
        int offset = 0;
        try (BatchFeeder feeder = new BatchFeeder(g, batches)) {
            for (int b = 0; b < batches.batchCount(); b++) {
                Session.Runner r = session().runner();
                feeder.feed(epoch, b, r);
                try (Result res = fetch(r, g.output).run()) {
                    float[] y = Tensors.toFloats(res.get(0));
                    if (out == null) out = new float[y.length / batches.rows(b) * data.size()];
                    System.arraycopy(y, 0, out, offset, y.length);
                    offset += y.length;
                }
                progress.accept(b + 1);
            }
        }
        return out == null ? new float[0] : out;
    }

    /** The predicted class of each row of softmax/sigmoid outputs with {@code width} columns. */
    public static int predictedClass(float[] outputs, int row, int width) {
        if (width == 1) return outputs[row] > 0.5f ? 1 : 0;
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (outputs[row * width + j] > outputs[row * width + best]) best = j;
        }
        return best;
    }

    private static long tally(float[] outputs, int[] labels, int rows, long[][] confusion) {
        int width = outputs.length / rows;
        long correct = 0;
        for (int i = 0; i < rows; i++) {
            int p = predictedClass(outputs, i, width);
            int t = labels[i];
            if (t >= 0 && t < confusion.length && p < confusion.length) confusion[t][p]++;
            if (p == t) correct++;
        }
        return correct;
    }
}
