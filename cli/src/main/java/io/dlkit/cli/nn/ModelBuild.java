package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import io.dlkit.backend.train.Objectives;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.cli.plugin.PluginVocabulary;
import java.util.Arrays;
import java.util.Map;

/** Builds a model's training graph from model.yaml content, and fits data to its input. */
final class ModelBuild {
    private ModelBuild() {}

    /** The model described by a model file's {@code model:} section (or a bare model file). */
    static Sequential model(Map<String, Object> modelConfig, String source) {
        PluginVocabulary.ensure();
        if (FunctionalModel.isFunctional(modelConfig)) {
            throw DlkitException.invalidInput(
                    source
                            + ": this command does not take functional models (a model file"
                            + " with inputs:/outputs:) yet; summary, train, eval, predict and"
                            + " export do");
        }
        try {
            return Sequential.fromConfig(modelConfig);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(Yaml.where(source, e.getMessage()));
        }
    }

    /**
     * The functional model a model file describes ({@code inputs}, {@code layers}, {@code
     * outputs}); a {@code losses} section is for training and is not read here.
     */
    static FunctionalModel functional(Map<String, Object> modelConfig, String source) {
        PluginVocabulary.ensure();
        Map<String, Object> c = new java.util.LinkedHashMap<>(modelConfig);
        c.remove("losses");
        try {
            return FunctionalModel.fromConfig(c);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(Yaml.where(source, e.getMessage()));
        }
    }

    /** The training graph: the same construction for train, resume, eval and predict. */
    static TrainingGraph graph(GraphContext g, Sequential model, Optimizer opt, TrainRequest r) {
        return graph(g, model, opt, r, false);
    }

    /**
     * Before the first graph of a training process: plans one tower per thread when {@code model}
     * can be split by rows ({@link io.dlkit.backend.train.Towers}).
     */
    static void planTowers(Sequential model, TrainRequest r, int threads) {
        io.dlkit.backend.train.Towers.plan(model, loss(r), threads);
    }

    /** The loss the request names, or null for the output activation's built-in one. */
    private static Objective loss(TrainRequest r) {
        return r.loss() == null || r.loss().equals("auto") ? null : objective(r.loss());
    }

    /** The training graph, or with {@code inference} the evaluation-only one. */
    static TrainingGraph graph(
            GraphContext g, Sequential model, Optimizer opt, TrainRequest r, boolean inference) {
        TrainingSpec spec = new TrainingSpec(loss(r), r.l2(), r.clipValue(), r.clipNorm());
        try {
            return inference
                    ? TrainingGraph.buildForInference(g, model, opt, spec)
                    : TrainingGraph.build(g, model, opt, spec);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** Reshapes {@code data} to the model's input shape when the sizes agree, else explains. */
    static Dataset fit(Dataset data, long[] inputShape, String what) {
        if (data == null) return null;
        long need = 1;
        for (long d : inputShape) need *= d;
        if (Arrays.equals(data.featureShape(), inputShape)) return data;
        if (data.featureSize() == need) return data.reshaped(inputShape);
        throw DlkitException.invalidInput(
                what
                        + ": samples have shape "
                        + Arrays.toString(data.featureShape())
                        + " ("
                        + data.featureSize()
                        + " values) but the model takes input_shape "
                        + Arrays.toString(inputShape)
                        + " ("
                        + need
                        + " values)");
    }

    /** Checks the labels against the model's output width. */
    static void checkLabels(Dataset data, int outputs, Objective loss, String what) {
        if (data == null || !loss.classification()) return;
        if (!data.hasClassLabels()) {
            throw DlkitException.invalidInput(
                    what
                            + ": has float targets but the loss "
                            + loss.id()
                            + " needs integer class labels");
        }
        int classes = outputs == 1 ? 2 : outputs; // one column: a sigmoid's 0/1
        int max = data.numClasses() - 1;
        if (max >= classes) {
            throw DlkitException.invalidInput(
                    what
                            + ": has label "
                            + max
                            + " but the model's output has "
                            + classes
                            + " classes (labels must be 0.."
                            + (classes - 1)
                            + ")");
        }
    }

    /** The objective {@code --loss} names: a built-in loss or one a started plugin contributes. */
    static Objective objective(String s) {
        PluginVocabulary.ensure();
        try {
            return Objectives.resolve(s);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }
}
