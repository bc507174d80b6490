package io.dlkit.plugins.embeddings.similarity;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.command.CommandIo;
import io.dlkit.plugins.embeddings.command.VectorsOption;
import io.dlkit.plugins.embeddings.similarity.AnalogyEvaluation.Result;
import io.dlkit.plugins.embeddings.similarity.AnalogyEvaluation.Score;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit embed eval-analogy questions-words.txt --vectors V [--threshold 30000]}: accuracy
 * per section, semantic, syntactic and total, with coverage, as word2vec's compute-accuracy.
 */
@Command(
        name = "eval-analogy",
        mixinStandardHelpOptions = true,
        description = {
            "Accuracy on an analogy test file (questions-words.txt), per section and overall, as"
                    + " word2vec's compute-accuracy counts it.",
            "e.g. dlkit embed eval-analogy questions-words.txt --vectors vectors.bin"
        })
public final class EvalAnalogyCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "': section' lines and 'a b c d' questions.")
    Path file;

    @Mixin VectorsOption vectors;

    @Option(
            names = "--threshold",
            defaultValue = "30000",
            description =
                    "Only the first N (most frequent) words count; questions with others are"
                            + " skipped (default: ${DEFAULT-VALUE}).")
    int threshold;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public EvalAnalogyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (threshold < 1) {
            throw DlkitException.invalidInput("--threshold must be >= 1, got " + threshold);
        }
        Result r =
                AnalogyEvaluation.evaluate(
                        vectors.read(ctx), CommandIo.resolve(ctx, file), threshold);
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            List<Map<String, Object>> sections = new ArrayList<>();
            r.sections().forEach(s -> sections.add(json(s)));
            doc.put("threshold", threshold);
            doc.put("sections", sections);
            doc.put("semantic", json(r.semantic()));
            doc.put("syntactic", json(r.syntactic()));
            doc.put("total", json(r.total()));
            CommandIo.printJson(ctx, doc);
            return 0;
        }
        PrintWriter out = ctx.out();
        String format = "%-28s %9s %8s %9s %9s %9s%n";
        out.printf(format, "SECTION", "ACCURACY", "CORRECT", "ANSWERED", "QUESTIONS", "COVERAGE");
        for (Score s : r.sections()) {
            row(out, s);
        }
        row(out, r.semantic());
        row(out, r.syntactic());
        row(out, r.total());
        out.flush();
        return 0;
    }

    private static void row(PrintWriter out, Score s) {
        out.printf(
                Locale.ROOT,
                "%-28s %8.2f%% %8d %9d %9d %8.2f%%%n",
                s.name(),
                100 * s.accuracy(),
                s.correct(),
                s.answered(),
                s.questions(),
                100 * s.coverage());
    }

    private static Map<String, Object> json(Score s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("accuracy", s.accuracy());
        m.put("correct", s.correct());
        m.put("answered", s.answered());
        m.put("questions", s.questions());
        m.put("coverage", s.coverage());
        return m;
    }
}
