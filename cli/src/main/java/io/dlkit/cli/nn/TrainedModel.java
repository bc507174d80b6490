package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.ModelRunner;
import io.dlkit.backend.train.TrainingGraph;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model directory opened for evaluation or prediction: its graph rebuilt exactly as in training
 * (so checkpoint names match) and its variables restored. Close it when done.
 */
final class TrainedModel implements AutoCloseable {
    final ModelDir dir;
    final Sequential model;
    final GraphContext graph;
    final TrainingGraph training;
    final TrainRequest request;

    private TrainedModel(ModelDir dir, Sequential model, GraphContext graph, TrainingGraph training, TrainRequest request) {
        this.dir = dir;
        this.model = model;
        this.graph = graph;
        this.training = training;
        this.request = request;
    }

    @SuppressWarnings("unchecked")
    static TrainedModel open(Path path, CommandContext ctx, OptimizerRegistry optimizers) {
        ModelDir dir = ModelDir.open(path);
        Map<String, Object> saved = dir.read();
        Sequential model = ModelBuild.model((Map<String, Object>) saved.get("model"), dir.modelFile().toString());
        TrainRequest r = TrainRequest.resumeFrom((Map<String, Object>) saved.get("training"), path, 0);
        GraphContext g = ctx.openGraph();
        try {
            TrainingGraph tg = ModelBuild.graph(g, model, optimizers.create(r.optimizer(), r.optimizerConfig()), r);
            new Checkpoints(path).restore(g.session());
            return new TrainedModel(dir, model, g, tg, r);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** Loads data and fits it to the model's input. */
    Dataset data(DataSource source) {
        return ModelBuild.fit(source.load(), model.inputShape(), source.toString());
    }

    ModelRunner runner() {
        return new ModelRunner(training);
    }

    int outputs() {
        return (int) training.output.shape().size(1);
    }

    @Override
    public void close() {
        graph.close();
    }
}
