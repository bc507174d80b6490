package io.dlkit.plugins.embeddings.sentiment;

import io.dlkit.api.CommandContext;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.embeddings.command.CommandIo;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlkit embed sentiment MODEL "text" ...}: negative or positive, with the probability. */
@Command(
        name = "sentiment",
        mixinStandardHelpOptions = true,
        description = {
            "Classify sentences as negative or positive with a model from sentiment-train.",
            "e.g. dlkit embed sentiment runs/sentiment \"The food was great\""
        })
public final class SentimentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model directory.")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "Sentences.")
    List<String> texts;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public SentimentCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        float[] p;
        try (SentimentClassifier c =
                SentimentClassifier.open(store, CommandIo.resolve(ctx, model))) {
            p = c.probabilities(texts);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            int k = p[2 * i + 1] > p[2 * i] ? 1 : 0;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("text", texts.get(i));
            r.put("sentiment", SentimentSpec.CLASSES.get(k));
            r.put("probability", Math.round(p[2 * i + k] * 10000) / 10000.0);
            rows.add(r);
        }
        if (ctx.settings().json()) {
            CommandIo.printJson(ctx, Map.of("predictions", rows));
            return 0;
        }
        for (Map<String, Object> r : rows) {
            ctx.out()
                    .printf(
                            "%-8s %.4f  %s%n",
                            r.get("sentiment"), r.get("probability"), r.get("text"));
        }
        ctx.out().flush();
        return 0;
    }
}
