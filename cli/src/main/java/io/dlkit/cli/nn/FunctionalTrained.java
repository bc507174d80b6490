package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import io.dlkit.backend.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * A functional model's directory opened for eval, predict, export or {@code --init-from}: its
 * training graph rebuilt as in training (per-output losses as model.yaml records them, so the
 * checkpoint's names match) and its variables restored. Close it when done.
 */
final class FunctionalTrained implements AutoCloseable {
    final ModelDir dir;
    final FunctionalModel model;
    final Map<String, OutputLoss> losses;
    final GraphContext graph;
    final TrainingGraph training;

    private FunctionalTrained(
            ModelDir dir,
            FunctionalModel model,
            Map<String, OutputLoss> losses,
            GraphContext graph,
            TrainingGraph training) {
        this.dir = dir;
        this.model = model;
        this.losses = losses;
        this.graph = graph;
        this.training = training;
    }

    /** Whether {@code path} is a model directory whose model.yaml holds a functional model. */
    static boolean isFunctional(Path path) {
        if (!Files.isRegularFile(path.resolve("model.yaml"))) return false;
        try {
            return new ModelDir(path).read().get("model") instanceof Map<?, ?> m
                    && m.containsKey("inputs");
        } catch (RuntimeException e) {
            return false; // a damaged model.yaml: the ordinary path reports it
        }
    }

    /** Opens and restores the model directory {@code path}. */
    @SuppressWarnings("unchecked")
    static FunctionalTrained open(Path path, CommandContext ctx, OptimizerRegistry optimizers) {
        ModelDir dir = ModelDir.open(path);
        Map<String, Object> saved = dir.read();
        Map<String, Object> config = (Map<String, Object>) saved.get("model");
        String source = dir.modelFile().toString();
        FunctionalModel model = ModelBuild.functional(config, source);
        Map<String, OutputLoss> losses =
                FunctionalLosses.recorded(model, config.get(FunctionalLosses.KEY), source);
        TrainRequest r =
                TrainRequest.resumeFrom((Map<String, Object>) saved.get("training"), path, 0);
        Optimizer opt = optimizers.create(r.optimizer(), r.optimizerConfig());
        GraphContext g = ctx.openGraph();
        try {
            TrainingGraph tg = graph(g, model, losses, opt, r, source);
            new Checkpoints(path).restore(g.session());
            return new FunctionalTrained(dir, model, losses, g, tg);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** The training graph of a functional model: the same construction for every command. */
    static TrainingGraph graph(
            GraphContext g,
            FunctionalModel model,
            Map<String, OutputLoss> losses,
            Optimizer opt,
            TrainRequest r,
            String source) {
        try {
            return TrainingGraph.buildFunctional(
                    g,
                    model,
                    losses,
                    opt,
                    new TrainingSpec(null, r.l2(), r.clipValue(), r.clipNorm()));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(Yaml.where(source, e.getMessage()));
        }
    }

    /**
     * What the data must hold (after the graph is built): each input, and with {@code targets} one
     * target per output that has a loss: class ids for a classification loss, else the output's
     * values.
     */
    static Map<String, NamedData.Want> wants(
            FunctionalModel model, Map<String, OutputLoss> losses, boolean targets) {
        Map<String, NamedData.Want> w = new LinkedHashMap<>();
        model.inputShapes().forEach((k, v) -> w.put(k, new NamedData.Want(v, false, 0, false)));
        if (!targets) return w;
        Map<String, long[]> shapes = model.layerOutputShapes();
        losses.forEach(
                (name, loss) -> {
                    long[] s = shapes.get(name);
                    int units = (int) s[s.length - 1];
                    w.put(
                            name,
                            loss.objective().classification()
                                    ? new NamedData.Want(
                                            new long[0], true, units == 1 ? 2 : units, true)
                                    : new NamedData.Want(s, false, 0, true));
                });
        return w;
    }

    /** Loads data for this model: inputs, and targets when asked. */
    NamedData data(DataSource source, boolean targets) {
        return NamedData.load(source, wants(model, losses, targets));
    }

    /** Trained value of every variable of the model, by name. */
    Map<String, NdArray> weights() {
        return weights(graph, model.variables());
    }

    static Map<String, NdArray> weights(GraphContext g, List<WeightVariable<TFloat32>> vars) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (vars.isEmpty()) return out;
        Session.Runner r = g.session().runner();
        vars.forEach(v -> r.fetch(v.read()));
        try (Result res = r.run()) {
            for (int i = 0; i < vars.size(); i++)
                out.put(vars.get(i).name(), NdArray.fromTensor(res.get(i)));
        }
        return out;
    }

    @Override
    public void close() {
        graph.close();
    }
}
