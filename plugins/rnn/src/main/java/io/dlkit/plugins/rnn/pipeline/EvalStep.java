package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.model.ModelStore;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.rnn.lm.LmEvaluation;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn/eval}: a language model's loss, perplexity and bits per character (or word) on a text,
 * as {@code dlkit rnn eval} computes them ({@link LmEvaluation}). The model is the input {@code
 * model} or the parameter {@code model_dir}.
 */
final class EvalStep implements StepType {
    private final ModelStore store;

    EvalStep(ModelStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String description() {
        return "Perplexity and bits per character (or word) of a language model on a text.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("text", ParamType.PATH, "UTF-8 text to score"),
                ParamSpec.optional("window", ParamType.INT, 0, "tokens a window, 0 = the model's"),
                StepModel.param());
    }

    @Override
    public List<Port> inputs() {
        return List.of(StepModel.input("a language model directory"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of(
                        "metrics",
                        ArtifactType.JSON,
                        "{characters|words, loss, perplexity, bits_per_char|bits_per_word}"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        LmEvaluation.Result r =
                LmEvaluation.score(
                        store,
                        StepModel.dir("rnn/eval", p, inputs),
                        p.path("text"),
                        p.integer("window"));
        context.progress(1, 1, r.score().characters() + " tokens scored");
        return Map.of("metrics", r.metrics());
    }
}
