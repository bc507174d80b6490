package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.data.ChannelNormalization;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.FrozenGraph;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.MemoryEstimate;
import io.dlkit.backend.train.ModelRunner;
import io.dlkit.backend.train.TrainingGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model directory opened for evaluation or prediction: its graph rebuilt exactly as in training
 * (so checkpoint names match) and its variables restored, with the class names and the input
 * normalization model.yaml records. Close it when done.
 */
final class TrainedModel implements AutoCloseable {
    /** Callers that do not give their batch size have the weights and one sample checked. */
    private static final int UNKNOWN_BATCH = 1;

    final ModelDir dir;
    final Sequential model;
    final GraphContext graph;
    final TrainingGraph training;
    final TrainRequest request;

    /** Class names by output index; empty when model.yaml has none. */
    final List<String> classNames;

    /** The input normalization; null when model.yaml has none. */
    final ChannelNormalization normalization;

    /** The frozen copy {@link #runner(int)} made, if any. */
    private FrozenGraph frozen;

    private TrainedModel(
            ModelDir dir,
            Sequential model,
            GraphContext graph,
            TrainingGraph training,
            TrainRequest request,
            List<String> classNames,
            ChannelNormalization normalization) {
        this.dir = dir;
        this.model = model;
        this.graph = graph;
        this.training = training;
        this.request = request;
        this.classNames = classNames;
        this.normalization = normalization;
    }

    static TrainedModel open(Path path, CommandContext ctx, OptimizerRegistry optimizers) {
        return open(path, ctx, optimizers, MemoryBudget.AVAILABLE, UNKNOWN_BATCH, false);
    }

    /**
     * Opens the model directory for eval and predict (an evaluation-only graph), refusing (before
     * restoring anything) a model whose memory at {@code batchSize} exceeds {@code budget}.
     */
    static TrainedModel open(
            Path path,
            CommandContext ctx,
            OptimizerRegistry optimizers,
            MemoryBudget budget,
            int batchSize) {
        return open(path, ctx, optimizers, budget, batchSize, true);
    }

    @SuppressWarnings("unchecked")
    private static TrainedModel open(
            Path path,
            CommandContext ctx,
            OptimizerRegistry optimizers,
            MemoryBudget budget,
            int batchSize,
            boolean inference) {
        ModelDir dir = ModelDir.open(path);
        Map<String, Object> saved = dir.read();
        Sequential model =
                ModelBuild.model(
                        (Map<String, Object>) saved.get("model"), dir.modelFile().toString());
        TrainRequest r =
                TrainRequest.resumeFrom((Map<String, Object>) saved.get("training"), path, 0);
        ChannelNormalization n = InputPrep.stored(saved, dir.modelFile().toString());
        if (n != null && n.channels() != model.inputShape()[model.inputShape().length - 1]) {
            throw DlkitException.invalidInput(
                    dir.modelFile()
                            + ": normalization has "
                            + n.channels()
                            + " channels but the model's input_shape "
                            + java.util.Arrays.toString(model.inputShape())
                            + " ends in "
                            + model.inputShape()[model.inputShape().length - 1]);
        }
        GraphContext g = ctx.openGraph();
        try {
            TrainingGraph tg =
                    ModelBuild.graph(
                            g,
                            model,
                            optimizers.create(r.optimizer(), r.optimizerConfig()),
                            r,
                            inference);
            budget.check(
                    MemoryEstimate.ofInference(g, model, Math.max(1, batchSize)),
                    "running " + dir.modelFile());
            new Checkpoints(path).restore(g.session());
            return new TrainedModel(dir, model, g, tg, r, InputPrep.classNames(saved), n);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /**
     * Loads data (an image folder at the model's input size, with the model's class ids), fits it
     * to the model's input and normalizes it as in training.
     */
    Dataset data(DataSource source) {
        Dataset d = source.load(model.inputShape(), classNames).data();
        return InputPrep.apply(
                normalization, ModelBuild.fit(d, model.inputShape(), source.toString()));
    }

    /** Raw features, row-major, normalized as in training (a copy; the argument is left alone). */
    float[] normalize(float[] features) {
        if (normalization == null) return features;
        float[] x = features.clone();
        normalization.applyInPlace(x);
        return x;
    }

    ModelRunner runner() {
        return new ModelRunner(training);
    }

    /**
     * A runner for {@code runs} session runs (batches, counted so far): through a {@link
     * FrozenGraph} copy with constant weights from {@link FrozenGraph#WORTHWHILE_RUNS} runs on
     * (fewer do not repay the copy) unless {@code -Ddlkit.frozenWeights=false}.
     */
    ModelRunner runner(int runs) {
        if (runs < FrozenGraph.WORTHWHILE_RUNS || !FrozenGraph.enabled()) return runner();
        if (frozen == null) {
            List<org.tensorflow.Operand<?>> keep = new ArrayList<>(training.feeds().values());
            keep.add(training.output);
            keep.add(training.dataLoss);
            keep.addAll(training.metrics.values());
            if (training.correct != null) keep.add(training.correct);
            frozen = FrozenGraph.of(graph, keep);
        }
        return new ModelRunner(training, frozen);
    }

    /** Output values per sample: the product of the output's non-batch dimensions. */
    int outputs() {
        long n = 1;
        for (int i = 1; i < training.output.shape().numDimensions(); i++)
            n *= training.output.shape().size(i);
        return Math.toIntExact(n);
    }

    @Override
    public void close() {
        if (frozen != null) frozen.close();
        graph.close();
    }
}
