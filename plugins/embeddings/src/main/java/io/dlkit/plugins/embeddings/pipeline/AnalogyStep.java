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
import java.util.Map;

/**
 * {@code embeddings/analogy}: for each question {@code "a b c"} (a is to b as c is to ?), the
 * {@code k} best answers by cos(e_w, e_c - e_a + e_b), the three inputs excluded, as {@code dlkit
 * embed analogy} answers them.
 */
final class AnalogyStep implements StepType {
    @Override
    public String name() {
        return "analogy";
    }

    @Override
    public String description() {
        return "Answer analogies 'a b c' (a is to b as c is to ?) with the nearest words.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required(
                        "questions",
                        ParamType.LIST,
                        "questions as \"a b c\", e.g. \"man woman king\""),
                ParamSpec.optional("k", ParamType.INT, 5, "answers per question"),
                StepVectors.param());
    }

    @Override
    public List<Port> inputs() {
        return StepVectors.inputs();
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of(
                        "answers",
                        ArtifactType.JSON,
                        "[{question, answers: [{word, similarity}]}]"),
                Port.of("text", ArtifactType.TEXT, "a line per question: its answers"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> in) {
        int k = params.integer("k");
        if (k < 1) {
            throw DlkitException.invalidInput("analogy: k must be >= 1, got " + k);
        }
        Similarity similarity = StepVectors.read("analogy", params, in);
        List<Map<String, Object>> json = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Object q : params.list("questions")) {
            String question = String.valueOf(q).trim();
            String[] w = question.split("\\s+");
            if (w.length != 3) {
                throw DlkitException.invalidInput(
                        "analogy: question '"
                                + question
                                + "' needs three words, a b c (a is to b as c is to ?)");
            }
            List<Similarity.Scored> answers = similarity.analogy(w[0], w[1], w[2], k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", question);
            m.put("answers", NeighborsStep.scored(answers));
            json.add(m);
            text.append(NeighborsStep.line(question, answers));
        }
        return Map.of("answers", json, "text", text.toString().stripTrailing());
    }
}
