package io.dlkit.plugins.embeddings.similarity;

import io.dlkit.api.CommandContext;
import io.dlkit.plugins.embeddings.command.CommandIo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints ranked words: a table, or one JSON document {@code {...query, key: [{word, similarity}]}}.
 */
final class Scores {
    private Scores() {}

    static void print(
            CommandContext ctx,
            Map<String, Object> query,
            String key,
            List<Similarity.Scored> scored) {
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>(query);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Similarity.Scored s : scored) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("word", s.word());
                row.put("similarity", Math.round(s.similarity() * 1e6) / 1e6);
                rows.add(row);
            }
            doc.put(key, rows);
            CommandIo.printJson(ctx, doc);
            return;
        }
        PrintWriter out = ctx.out();
        out.printf("%-4s %-24s %s%n", "RANK", "WORD", "COSINE");
        int rank = 1;
        for (Similarity.Scored s : scored) {
            out.printf(Locale.ROOT, "%-4d %-24s %.4f%n", rank++, s.word(), s.similarity());
        }
        out.flush();
    }
}
