package io.dlkit.plugins.embeddings.similarity;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.command.VectorsOption;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlkit embed neighbors WORD --vectors V [--k 10]}: the closest words by cosine. */
@Command(
        name = "neighbors",
        mixinStandardHelpOptions = true,
        description = {
            "The nearest words by cosine similarity.",
            "e.g. dlkit embed neighbors king --vectors vectors.bin --k 10"
        })
public final class NeighborsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WORD", description = "The word.")
    String word;

    @Mixin VectorsOption vectors;

    @Option(
            names = "--k",
            defaultValue = "10",
            description = "How many (default: ${DEFAULT-VALUE}).")
    int k;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public NeighborsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (k < 1) {
            throw DlkitException.invalidInput("--k must be >= 1, got " + k);
        }
        List<Similarity.Scored> result = new Similarity(vectors.read(ctx)).neighbors(word, k);
        Scores.print(ctx, java.util.Map.of("word", word), "neighbors", result);
        return 0;
    }
}
