package io.dlkit.cli.nn;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.ChannelNormalization;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import java.util.Map;

/**
 * A worker of a {@code dlkit train} run, as text: the model as model.yaml records it (frozen layers
 * marked, a functional model with its resolved losses), the training options a graph needs
 * (optimizer and its settings, loss, L2, clipping, schedule, augmentation), the normalization the
 * augmenter fills with, and the device, threads and seed of the worker's graph.
 */
final class ModelWorkerRecipe implements WorkerRecipe {
    private static final long serialVersionUID = 1L;
    private static final String SOURCE = "model.yaml";

    private final String model;
    private final boolean functional;
    private final String optimizer;
    private final String optimizerConfig;
    private final String loss;
    private final double l2;
    private final double clipValue;
    private final double clipNorm;
    private final String schedule;
    private final double learningRate;
    private final String augment;
    private final String normalization;
    private final long[] inputShape;
    private final String device;
    private final int threads;
    private final long seed;

    /**
     * The recipe of {@code r}'s workers for {@code model} (model.yaml's {@code model:} content),
     * with {@code normalization} (or null) and a graph of {@code threads} threads on {@code
     * device}.
     */
    ModelWorkerRecipe(
            Map<String, Object> model,
            long[] inputShape,
            TrainRequest r,
            ChannelNormalization normalization,
            String device,
            int threads,
            long seed) {
        this.model = Yaml.write(model);
        this.functional = FunctionalModel.isFunctional(model);
        this.optimizer = r.optimizer();
        this.optimizerConfig = Yaml.write(r.optimizerConfig());
        this.loss = r.loss();
        this.l2 = r.l2();
        this.clipValue = r.clipValue();
        this.clipNorm = r.clipNorm();
        this.schedule = r.schedule();
        this.learningRate = r.learningRate();
        this.augment = r.augment();
        this.normalization = normalization == null ? null : Yaml.write(normalization.toConfig());
        this.inputShape = inputShape == null ? null : inputShape.clone();
        this.device = device;
        this.threads = threads;
        this.seed = seed;
    }

    @Override
    public TrainingGraph graph(Optimizers optimizers) {
        Map<String, Object> config = Yaml.parse(model);
        Optimizer opt = optimizers.create(optimizer, Yaml.parse(optimizerConfig));
        GraphContext g = GraphContext.create(DeviceRequest.parse(device), threads, seed);
        try {
            if (!functional)
                return ModelBuild.graph(g, ModelBuild.model(config, SOURCE), opt, request());
            FunctionalModel m = ModelBuild.functional(config, SOURCE);
            Map<String, OutputLoss> losses =
                    FunctionalLosses.recorded(m, config.get(FunctionalLosses.KEY), SOURCE);
            return FunctionalTrained.graph(g, m, losses, opt, request(), SOURCE);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    @Override
    public LearningRateSchedule schedule() {
        return TrainJob.schedule(request());
    }

    @Override
    public BatchAugmenter augmenter() {
        if (functional || augment == null) return BatchAugmenter.NONE;
        return InputPrep.augmenter(
                augment,
                inputShape,
                normalization == null
                        ? null
                        : ChannelNormalization.fromConfig(Yaml.parse(normalization)));
    }

    // What the graph, schedule and augmenter read of a request; no data, no output folder.
    private TrainRequest request() {
        return new TrainRequest(
                null,
                null,
                null,
                0,
                null,
                1,
                1,
                optimizer,
                Yaml.parse(optimizerConfig),
                learningRate,
                schedule,
                l2,
                clipValue,
                clipNorm,
                loss,
                null,
                0,
                null,
                false,
                false,
                augment,
                "none",
                null);
    }
}
