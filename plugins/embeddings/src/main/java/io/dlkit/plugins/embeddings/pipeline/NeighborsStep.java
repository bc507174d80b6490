package io.dlkit.plugins.embeddings.pipeline;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.embeddings.similarity.Similarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code embeddings/neighbors}: the {@code k} nearest words (cosine) of each word in {@code words},
 * as {@code dlkit embed neighbors} finds them; as JSON and as readable lines.
 */
final class NeighborsStep implements StepType {
    @Override
    public String name() {
        return "neighbors";
    }

    @Override
    public String description() {
        return "Nearest words by cosine similarity of each given word.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("words", ParamType.LIST, "the words to look up"),
                ParamSpec.optional("k", ParamType.INT, 10, "neighbours per word"),
                StepVectors.param());
    }

    @Override
    public List<Port> inputs() {
        return StepVectors.inputs();
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("neighbors", ArtifactType.JSON, "{word: [{word, similarity}]}"),
                Port.of("text", ArtifactType.TEXT, "a line per word: its neighbours"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> in) {
        int k = params.integer("k");
        if (k < 1) {
            throw DlkitException.invalidInput("neighbors: k must be >= 1, got " + k);
        }
        Similarity similarity = StepVectors.read("neighbors", params, in);
        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Object w : params.list("words")) {
            String word = String.valueOf(w);
            List<Similarity.Scored> near = similarity.neighbors(word, k);
            json.put(word, scored(near));
            text.append(line(word, near));
        }
        return Map.of("neighbors", json, "text", text.toString().stripTrailing());
    }

    static List<Map<String, Object>> scored(List<Similarity.Scored> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Similarity.Scored s : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("word", s.word());
            m.put("similarity", Math.round(s.similarity() * 1e4) / 1e4);
            out.add(m);
        }
        return out;
    }

    static String line(String head, List<Similarity.Scored> list) {
        StringBuilder b = new StringBuilder(head).append(':');
        for (Similarity.Scored s : list) {
            b.append(String.format(Locale.ROOT, " %s %.3f,", s.word(), s.similarity()));
        }
        b.setLength(b.length() - (list.isEmpty() ? 0 : 1));
        return b.append('\n').toString();
    }
}
