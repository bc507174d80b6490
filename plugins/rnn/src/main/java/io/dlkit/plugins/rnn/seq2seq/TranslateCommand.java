package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.rnn.lm.CharVocabulary;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit rnn translate MODEL_DIR "text" | --file LINES.txt | --pairs FILE.tsv [--beam K]}:
 * decodes with a model from {@code seq2seq-train}, greedy by default; with {@code --pairs}, also
 * prints the exact-match accuracy against the targets.
 */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = "Translate with an encoder-decoder from 'dlkit rnn seq2seq-train'.")
public final class TranslateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A seq2seq-train model.")
    Path modelDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TEXT", description = "A text.")
    String text;

    @Option(names = "--file", paramLabel = "FILE", description = "Texts, one a line.")
    Path file;

    @Option(names = "--pairs", paramLabel = "FILE.tsv", description = "Pairs: translate and score.")
    Path pairs;

    @Option(names = "--beam", defaultValue = "1", description = "Beam width; 1 = greedy (1).")
    int beam;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public TranslateCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        int given = (text != null ? 1 : 0) + (file != null ? 1 : 0) + (pairs != null ? 1 : 0);
        if (given != 1)
            throw DlkitException.invalidInput("rnn translate: give one of TEXT, --file, --pairs");
        if (beam < 1) throw DlkitException.invalidInput("--beam must be >= 1, got " + beam);
        List<String[]> scored = pairs != null ? Pairs.read(pairs) : null;
        List<String> sources =
                text != null
                        ? List.of(text)
                        : scored != null ? scored.stream().map(p -> p[0]).toList() : lines(file);
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            Seq2SeqDecoder decoder = new Seq2SeqDecoder(model::predict, codec(model.description()));
            List<String> out = new ArrayList<>();
            if (beam == 1) {
                for (int from = 0; from < sources.size(); from += 256)
                    out.addAll(
                            decoder.greedy(
                                    sources.subList(from, Math.min(sources.size(), from + 256))));
            } else {
                for (String s : sources) out.add(decoder.beam(s, beam));
            }
            int hits = 0;
            for (int i = 0; i < sources.size(); i++) {
                if (scored != null && out.get(i).equals(scored.get(i)[1])) hits++;
                ctx.out().println(text != null ? out.get(i) : sources.get(i) + "\t" + out.get(i));
            }
            if (scored != null) {
                ctx.out()
                        .printf(
                                "exact_match: %.4f (%d of %d)%n",
                                hits / (double) sources.size(), hits, sources.size());
            }
            ctx.out().flush();
            return 0;
        }
    }

    /** The codec of a model whose first layer is a seq2seq layer with tokens. */
    static Seq2SeqCodec codec(Map<?, ?> description) {
        if (description.get("model") instanceof Map<?, ?> model) return codec(model);
        if (description.get("layers") instanceof List<?> layers
                && !layers.isEmpty()
                && layers.get(0) instanceof Map<?, ?> l
                && "seq2seq".equals(l.get("type"))
                && l.get("tokens") instanceof String tokens
                && l.get("source_steps") instanceof Number s
                && l.get("target_steps") instanceof Number t) {
            return new Seq2SeqCodec(new CharVocabulary(tokens), s.intValue(), t.intValue());
        }
        throw DlkitException.invalidInput(
                "not a seq2seq model; train one with 'dlkit rnn seq2seq-train'");
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw DlkitException.invalidInput(f + ": cannot read: " + e.getMessage());
        }
    }
}
