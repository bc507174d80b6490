package io.dlkit.plugins.embeddings.similarity;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.command.VectorsOption;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit embed analogy A B C --vectors V}: "A is to B as C is to ?", the words w with the
 * highest cos(e_w, e_B - e_A + e_C), A, B and C excluded.
 */
@Command(
        name = "analogy",
        mixinStandardHelpOptions = true,
        description = {
            "A is to B as C is to ?: argmax cos(e_w, e_B - e_A + e_C), the three inputs excluded.",
            "e.g. dlkit embed analogy man woman king --vectors vectors.bin"
        })
public final class AnalogyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Parameters(index = "2", paramLabel = "C")
    String c;

    @Mixin VectorsOption vectors;

    @Option(
            names = "--k",
            defaultValue = "5",
            description = "How many answers (default: ${DEFAULT-VALUE}).")
    int k;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public AnalogyCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (k < 1) {
            throw DlkitException.invalidInput("--k must be >= 1, got " + k);
        }
        List<Similarity.Scored> result = new Similarity(vectors.read(ctx)).analogy(a, b, c, k);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("a", a);
        query.put("b", b);
        query.put("c", c);
        if (!ctx.settings().json()) {
            ctx.out().println(a + " : " + b + " :: " + c + " : ?");
        }
        Scores.print(ctx, query, "answers", result);
        return 0;
    }
}
