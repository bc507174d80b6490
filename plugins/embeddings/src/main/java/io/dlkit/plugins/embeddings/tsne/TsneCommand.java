package io.dlkit.plugins.embeddings.tsne;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.command.CommandIo;
import io.dlkit.plugins.embeddings.command.VectorsOption;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit embed tsne --vectors V [--words 500 | --list FILE] --out map.png}: a labelled t-SNE
 * map of the most frequent words, or of the words listed in a file.
 */
@Command(
        name = "tsne",
        mixinStandardHelpOptions = true,
        description = {
            "A labelled 2-D t-SNE map of word vectors, as a PNG image.",
            "e.g. dlkit embed tsne --vectors vectors.bin --words 300 --out map.png"
        })
public final class TsneCommand implements Callable<Integer> {
    @Mixin VectorsOption vectors;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    /** The words to map: the N most frequent, or a list. */
    static final class Which {
        @Option(
                names = "--words",
                paramLabel = "N",
                description = "Map the N most frequent words (default: 500).")
        Integer words;

        @Option(
                names = "--list",
                paramLabel = "FILE",
                description = "Map the words of this file (whitespace separated).")
        Path list;
    }

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The PNG to write.")
    Path out;

    @Option(
            names = "--perplexity",
            defaultValue = "30",
            description = "t-SNE perplexity (default: ${DEFAULT-VALUE}).")
    double perplexity;

    @Option(
            names = "--iter",
            defaultValue = "1000",
            description = "Gradient steps (default: ${DEFAULT-VALUE}).")
    int iterations;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public TsneCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path target = CommandIo.resolve(ctx, out);
        ctx.writer().checkWritable(target);
        WordVectors all = vectors.read(ctx);
        List<Integer> rows = rows(all);
        if (rows.size() < 4) {
            throw DlkitException.invalidInput(
                    "embed tsne: needs at least 4 words, got " + rows.size());
        }
        int n = rows.size();
        int dim = all.dim();
        double[] x = new double[n * dim];
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            float[] v = all.vector(rows.get(r));
            for (int d = 0; d < dim; d++) {
                x[r * dim + d] = v[d];
            }
            labels.add(all.word(rows.get(r)));
        }
        TsneSpec spec = specOrError();
        CommandIo.note(
                ctx, "tsne: " + n + " words, perplexity " + Math.min(perplexity, (n - 1) / 3.0));
        double[] y = Tsne.embed(x, n, dim, spec);
        double kl = Tsne.klDivergence(x, n, dim, spec.perplexity(), y);
        String title =
                String.format(
                        Locale.ROOT,
                        "t-SNE of %d words (perplexity %.0f, KL %.3f)",
                        n,
                        Math.min(perplexity, (n - 1) / 3.0),
                        kl);
        BufferedImage image = ScatterPlot.draw(y, labels, title, 1600, 1200);
        Path written = ctx.writer().write(target, o -> ScatterPlot.writePng(image, o));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("words", n);
        r.put("kl_divergence", kl);
        r.put("out", written.toString());
        if (ctx.settings().json()) {
            CommandIo.printJson(ctx, r);
        } else {
            ctx.out()
                    .printf(
                            Locale.ROOT,
                            "wrote %s: %d words, KL divergence %.4f%n",
                            written,
                            n,
                            kl);
            ctx.out().flush();
        }
        return 0;
    }

    private TsneSpec specOrError() {
        try {
            return TsneSpec.defaults(ctx.settings().seed()).with(perplexity, iterations);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("embed tsne: " + e.getMessage());
        }
    }

    private List<Integer> rows(WordVectors all) {
        List<Integer> rows = new ArrayList<>();
        if (which.list != null) {
            for (String word : listed(CommandIo.resolve(ctx, which.list))) {
                int i = all.require(word);
                if (!rows.contains(i)) {
                    rows.add(i);
                }
            }
            return rows;
        }
        int n = which.words == null ? 500 : which.words;
        if (n < 1) {
            throw DlkitException.invalidInput("--words must be >= 1, got " + n);
        }
        for (int i = 0; i < Math.min(n, all.size()); i++) {
            rows.add(i);
        }
        return rows;
    }

    private static List<String> listed(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    "--list "
                            + file
                            + ": cannot read ("
                            + e.getMessage()
                            + "); give a text file of words");
        }
    }
}
