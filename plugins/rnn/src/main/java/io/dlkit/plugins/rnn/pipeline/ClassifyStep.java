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
import io.dlkit.plugins.rnn.classify.TextClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rnn/classify}: the class of each text under a model of {@code dlkit rnn classify-train},
 * as {@code dlkit rnn classify} finds it ({@link TextClassifier}). The texts are exactly one of:
 * the input {@code text} (one a line), the parameter {@code texts} (a list) or {@code file} (a
 * file, one a line). The model is the input {@code model} or the parameter {@code model_dir}.
 */
final class ClassifyStep implements StepType {
    private final ModelStore store;

    ClassifyStep(ModelStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String description() {
        return "Classify texts with a model of dlkit rnn classify-train.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("texts", ParamType.LIST, null, "the texts"),
                ParamSpec.optional("file", ParamType.PATH, null, "a UTF-8 file, a text a line"),
                StepModel.param());
    }

    @Override
    public List<Port> inputs() {
        return List.of(
                StepModel.input("a text classifier directory"),
                Port.optional("text", ArtifactType.TEXT, "texts, one a line"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("predictions", ArtifactType.JSON, "[{class, probability, text}]"),
                Port.of("text", ArtifactType.TEXT, "a line per text: class, probability, text"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path model = StepModel.dir("rnn/classify", p, inputs);
        List<String> texts = texts(p, inputs);
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (TextClassifier.Prediction v : TextClassifier.classify(store, model, texts)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", v.label());
            m.put("probability", Math.round(v.probability() * 1e4) / 1e4);
            m.put("text", v.text());
            json.add(m);
            lines.append(
                    String.format(
                            Locale.ROOT, "%s\t%.4f\t%s%n", v.label(), v.probability(), v.text()));
        }
        context.progress(texts.size(), texts.size(), texts.size() + " texts classified");
        return Map.of("predictions", json, "text", lines.toString().stripTrailing());
    }

    private static List<String> texts(Params p, Map<String, Object> inputs) {
        Object text = inputs.get("text");
        int given = (text != null ? 1 : 0) + (p.has("texts") ? 1 : 0) + (p.has("file") ? 1 : 0);
        if (given != 1) {
            throw DlkitException.invalidInput(
                    "rnn/classify: give exactly one of inputs.text, with.texts and with.file (got "
                            + given
                            + ")");
        }
        List<String> texts;
        if (text != null) {
            texts = String.valueOf(text).lines().filter(l -> !l.isBlank()).toList();
        } else if (p.has("texts")) {
            texts = p.list("texts").stream().map(String::valueOf).toList();
        } else {
            texts = TextClassifier.lines(p.path("file"));
        }
        if (texts.isEmpty()) throw DlkitException.invalidInput("rnn/classify: no texts given");
        return texts;
    }
}
