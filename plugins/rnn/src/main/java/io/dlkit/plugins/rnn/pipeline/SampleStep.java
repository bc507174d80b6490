package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.rnn.lm.LmSampling;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn/sample}: text drawn from a language model of {@code rnn/train} or {@code dlkit rnn
 * train}, as {@code dlkit rnn sample} draws it ({@link LmSampling}), seeded by the run's {@code
 * --seed}: a character model's {@code length} characters after {@code prime}, or a word model's
 * {@code n} lines. The model is the input {@code model} or the parameter {@code model_dir}.
 */
final class SampleStep implements StepType {
    private final ModelStore store;

    SampleStep(ModelStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "sample";
    }

    @Override
    public String description() {
        return "Sample text from a language model: characters, or lines of words.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("length", ParamType.INT, 200, "characters (words a line)"),
                ParamSpec.optional("temperature", ParamType.FLOAT, 1.0, "softmax temperature"),
                ParamSpec.optional("prime", ParamType.STRING, "\n", "text to start from"),
                ParamSpec.optional("n", ParamType.INT, 5, "word models: lines to draw"),
                StepModel.param());
    }

    @Override
    public List<Port> inputs() {
        return List.of(StepModel.input("a language model directory"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("text", ArtifactType.TEXT, "the sampled text"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        LmSampling sampling =
                new LmSampling(
                        p.string("prime"),
                        p.integer("length"),
                        p.number("temperature"),
                        p.integer("n"),
                        context.settings().seed());
        try (ModelStore.LoadedModel model = store.open(StepModel.dir("rnn/sample", p, inputs))) {
            String text = String.join("\n", sampling.draw(model));
            context.progress(1, 1, text.length() + " characters sampled");
            return Map.of("text", text);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn/sample: " + e.getMessage());
        }
    }
}
