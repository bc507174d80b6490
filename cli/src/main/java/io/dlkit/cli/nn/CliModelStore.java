package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.data.ChannelNormalization;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainState;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * The host's {@link ModelStore}: model directories written and read the way {@code dlkit train}
 * does.
 */
public final class CliModelStore implements ModelStore {
    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;

    @Inject
    CliModelStore(CommandContext ctx, OptimizerRegistry optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public LoadedModel open(Path dir) {
        return new Loaded(TrainedModel.open(dir, ctx, optimizers));
    }

    @Override
    public GraphModel openInGraph(Path dir, GraphContext graph, Operand<TFloat32> input) {
        Map<String, NdArray> weights;
        Map<String, Object> config;
        ChannelNormalization n;
        try (TrainedModel m = TrainedModel.open(dir, ctx, optimizers)) {
            weights = ModelFeatures.weights(m);
            config = m.model.config();
            n = m.normalization;
        }
        return ModelFeatures.inGraph(graph, input, config, n, weights, dir.toString());
    }

    @Override
    public void create(
            Path dir,
            Map<String, Object> modelConfig,
            Map<String, NdArray> weights,
            Map<String, Object> metadata) {
        Sequential model = ModelBuild.model(modelConfig, "model config");
        TrainRequest r = TrainRequest.forImport(dir);
        ModelDir out = new ModelDir(dir);
        if (out.exists() && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    dir + " already holds a model; pass --overwrite to replace it");
        }
        ctx.writer().prepareFolder(dir, null);
        ctx.writer().checkWritable(out.modelFile());
        Path checkpoint = dir.resolve("checkpoint");
        if (java.nio.file.Files.exists(checkpoint) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    checkpoint + " already exists; pass --overwrite to replace it");
        }
        try (GraphContext g = ctx.openGraph()) {
            // The same graph TrainedModel.open rebuilds, so the checkpoint's names match it.
            ModelBuild.graph(g, model, optimizers.create(r.optimizer(), Map.of()), r);
            assign(g, model, weights);
            Map<String, Object> content = ModelDir.content(model.config(), r.toConfig());
            content.putAll(metadata);
            ctx.writer().writeString(out.modelFile(), Yaml.write(content));
            new Checkpoints(dir).save(g.session(), TrainState.initial());
        }
    }

    private static void assign(GraphContext g, Sequential model, Map<String, NdArray> weights) {
        List<Op> assigns = new ArrayList<>();
        for (WeightVariable<TFloat32> v : model.variables()) {
            NdArray w = weights.get(v.name());
            long[] shape = v.variable().shape().asArray();
            if (w == null) {
                throw DlkitException.invalidInput(
                        "no weights for " + v.name() + " (shape " + Arrays.toString(shape) + ")");
            }
            if (!Arrays.equals(w.shape(), shape)) {
                throw DlkitException.invalidInput(
                        v.name()
                                + ": weights have shape "
                                + Arrays.toString(w.shape())
                                + " but the model needs "
                                + Arrays.toString(shape));
            }
            assigns.add(
                    g.tf().assign(
                                    v.variable(),
                                    g.tf().constant(
                                                    org.tensorflow.ndarray.Shape.of(shape),
                                                    org.tensorflow.ndarray.buffer.DataBuffers.of(
                                                            w.floats(), true, false))));
        }
        var runner = g.session().runner();
        assigns.forEach(runner::addTarget);
        runner.run();
    }

    private static final class Loaded implements LoadedModel {
        private final TrainedModel m;
        private int runs;

        Loaded(TrainedModel m) {
            this.m = m;
        }

        @Override
        public long[] inputShape() {
            return m.model.inputShape();
        }

        @Override
        public int outputs() {
            return m.outputs();
        }

        @Override
        public List<String> classNames() {
            return m.classNames;
        }

        @Override
        public float[] predict(float[] features, int rows) {
            long[] shape = m.model.inputShape();
            io.dlkit.backend.data.Dataset d =
                    io.dlkit.backend.data.Dataset.ofClasses(
                            m.normalize(features), new int[rows], 1, shape);
            int batch = Math.max(1, Math.min(rows, 64));
            // runs counted over calls: many batches go through a frozen copy (TrainedModel.runner)
            runs += PredictCommand.batches(rows, batch);
            return m.runner(runs).predict(d, batch, b -> {});
        }

        @Override
        public Map<String, NdArray> activations(float[] features, int rows, List<String> layers) {
            return ModelFeatures.activations(m, features, rows, layers);
        }

        @Override
        public List<String> layerNames() {
            return ModelFeatures.layerNames(m.model);
        }

        @Override
        public Map<String, NdArray> weights() {
            return ModelFeatures.weights(m);
        }

        @Override
        public Map<String, Object> description() {
            return new LinkedHashMap<>(m.dir.read());
        }

        @Override
        public void close() {
            m.close();
        }
    }
}
