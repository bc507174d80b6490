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
import io.dlkit.plugins.rnn.seq2seq.Pairs;
import io.dlkit.plugins.rnn.seq2seq.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn/translate}: decodes texts with a model of {@code rnn seq2seq-train}, as {@code dlkit
 * rnn translate} does ({@link Translator}; greedy, or a beam of {@code beam}). The texts are
 * exactly one of: the input {@code text} (one a line), the parameter {@code texts}, {@code file}
 * (one a line) or {@code pairs} (a TSV whose targets also give {@code exact_match}). The model is
 * the input {@code model} or the parameter {@code model_dir}.
 */
final class TranslateStep implements StepType {
    private final ModelStore store;

    TranslateStep(ModelStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "translate";
    }

    @Override
    public String description() {
        return "Translate texts with an encoder-decoder of dlkit rnn seq2seq-train.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("texts", ParamType.LIST, null, "the texts"),
                ParamSpec.optional("file", ParamType.PATH, null, "a UTF-8 file, a text a line"),
                ParamSpec.optional("pairs", ParamType.PATH, null, "source<TAB>target: scored"),
                ParamSpec.optional("beam", ParamType.INT, 1, "beam width, 1 = greedy"),
                StepModel.param());
    }

    @Override
    public List<Port> inputs() {
        return List.of(
                StepModel.input("an encoder-decoder directory"),
                Port.optional("text", ArtifactType.TEXT, "texts, one a line"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("translations", ArtifactType.JSON, "[{source, translation}]"),
                Port.of("text", ArtifactType.TEXT, "a line per text: source, translation"),
                Port.of("metrics", ArtifactType.JSON, "{texts, exact_match} (pairs only)"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path model = StepModel.dir("rnn/translate", p, inputs);
        List<String[]> pairs = p.has("pairs") ? Pairs.read(p.path("pairs")) : null;
        List<String> sources = pairs != null ? pairs.stream().map(x -> x[0]).toList() : null;
        sources = texts(p, inputs, sources);
        List<String> out = Translator.translate(store, model, sources, p.integer("beam"));
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            json.add(Map.of("source", sources.get(i), "translation", out.get(i)));
            lines.append(sources.get(i)).append('\t').append(out.get(i)).append('\n');
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("texts", sources.size());
        if (pairs != null) {
            metrics.put("exact_match", Translator.exactMatches(out, pairs) / (double) pairs.size());
        }
        context.progress(sources.size(), sources.size(), sources.size() + " texts translated");
        return Map.of(
                "translations", json, "text", lines.toString().stripTrailing(), "metrics", metrics);
    }

    private static List<String> texts(Params p, Map<String, Object> inputs, List<String> paired) {
        Object text = inputs.get("text");
        int given =
                (text != null ? 1 : 0)
                        + (p.has("texts") ? 1 : 0)
                        + (p.has("file") ? 1 : 0)
                        + (paired != null ? 1 : 0);
        if (given != 1) {
            throw DlkitException.invalidInput(
                    "rnn/translate: give exactly one of inputs.text, with.texts, with.file and"
                            + " with.pairs (got "
                            + given
                            + ")");
        }
        List<String> texts;
        if (paired != null) {
            texts = paired;
        } else if (text != null) {
            texts = String.valueOf(text).lines().filter(l -> !l.isBlank()).toList();
        } else if (p.has("texts")) {
            texts = p.list("texts").stream().map(String::valueOf).toList();
        } else {
            texts = TextClassifier.lines(p.path("file"));
        }
        if (texts.isEmpty()) throw DlkitException.invalidInput("rnn/translate: no texts given");
        return texts;
    }
}
