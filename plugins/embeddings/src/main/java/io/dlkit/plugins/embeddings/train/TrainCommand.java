package io.dlkit.plugins.embeddings.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.command.CommandIo;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.format.VectorFormat;
import io.dlkit.plugins.embeddings.glove.Glove;
import io.dlkit.plugins.embeddings.glove.GloveSpec;
import io.dlkit.plugins.embeddings.nlm.NlmOptions;
import io.dlkit.plugins.embeddings.nlm.NlmTraining;
import io.dlkit.plugins.embeddings.word2vec.Kernels;
import io.dlkit.plugins.embeddings.word2vec.Progress;
import io.dlkit.plugins.embeddings.word2vec.Word2Vec;
import io.dlkit.plugins.embeddings.word2vec.Word2VecSpec;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit embed train --text FILE|DIR --method skipgram|cbow|glove|nlm ... --out vectors.bin}.
 * Threads and seed are dlkit's global {@code --threads} (0: every core) and {@code --seed}; one
 * thread and a seed give the same vectors on every run. The neural language model trains through
 * {@code dlkit train} ({@link NlmTraining}).
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train word vectors on a text file or folder (UTF-8, split on whitespace, a line is a"
                    + " sentence).",
            "e.g. dlkit embed train --text corpus.txt --method skipgram --out vectors.bin"
        })
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--text", required = true, paramLabel = "FILE|DIR", description = "The corpus.")
    Path text;

    @Option(
            names = "--method",
            defaultValue = "skipgram",
            paramLabel = "skipgram|cbow|glove|nlm",
            description = "The model (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--dim",
            defaultValue = "100",
            description = "Vector size (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(
            names = "--window",
            defaultValue = "5",
            description = "Context window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--negative",
            defaultValue = "5",
            description = "Negative samples per word, 0 for none (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(
            names = "--hs",
            description = "Also train with hierarchical softmax (alone with --negative 0).")
    boolean hs;

    @Option(
            names = "--sample",
            defaultValue = "1e-3",
            description =
                    "Sub-sampling threshold of frequent words, 0 for none (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(
            names = "--min-count",
            defaultValue = "5",
            description = "Drop words seen fewer times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(
            names = "--iter",
            defaultValue = "5",
            description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--lr",
            paramLabel = "RATE",
            description =
                    "Starting learning rate (default: 0.025 skip-gram, 0.05 CBOW and GloVe, 0.001"
                            + " NLM with Adam).")
    Double learningRate;

    @Option(names = "--lowercase", description = "Lowercase every word.")
    boolean lowercase;

    @Option(
            names = "--x-max",
            defaultValue = "100",
            description = "GloVe: count where the weighting reaches 1 (default: ${DEFAULT-VALUE}).")
    double xMax;

    @Option(
            names = "--power",
            defaultValue = "0.75",
            description = "GloVe: exponent of the weighting (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the vectors (.bin, .txt, .vec, .npz).")
    Path out;

    @Option(
            names = "--to",
            paramLabel = "FORMAT",
            description =
                    "Output format: word2vec-bin, word2vec-text, glove-text or npz (default: from --out).")
    String to;

    @Option(
            names = "--resume",
            description =
                    "Go on from the state a stopped run with the same --out saved after its last"
                            + " complete pass (OUT.state; NLM: OUT.nlm/model); skip-gram, CBOW and"
                            + " NLM.")
    boolean resume;

    @Mixin NlmOptions nlm = new NlmOptions();

    private final CommandContext ctx;
    private final ModelStore store;
    private final Map<String, Object> timings = new LinkedHashMap<>();
    private String corpusSha256;
    private int nlmExit;
    private FileCheckpoints checkpoints;

    /** dlkit injects the command context and the model store (the NLM's trained table). */
    @Inject
    public TrainCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** Without a model store: every method but nlm. */
    public TrainCommand(CommandContext ctx) {
        this(ctx, null);
    }

    @Override
    public Integer call() {
        Method m = Method.of(method);
        Path target = CommandIo.resolve(ctx, out);
        VectorFormat format = VectorFiles.forOutput(target, to);
        Path manifest = target.resolveSibling(target.getFileName() + ".manifest.json");
        ctx.writer().checkWritable(target);
        ctx.writer().checkWritable(manifest);
        checkMinCount();
        if (resume && m == Method.GLOVE) {
            throw DlkitException.invalidInput(
                    "--resume works with --method skipgram, cbow or nlm; GloVe runs start afresh");
        }
        long t0 = System.nanoTime();
        Path source = CommandIo.resolve(ctx, text);
        Corpus corpus = Corpus.load(source, lowercase, minCount);
        corpusSha256 = RunManifest.corpusSha256(source);
        CommandIo.note(
                ctx,
                String.format(
                        Locale.ROOT,
                        "corpus: %,d words, %,d in the vocabulary (min-count %d), %,d sentences",
                        corpus.tokens().length,
                        corpus.vocabulary().size(),
                        minCount,
                        corpus.sentenceCount()));
        long t1 = System.nanoTime();
        WordVectors vectors = m == Method.NLM ? trainNlm(corpus, target) : train(m, corpus, target);
        if (vectors == null) {
            return nlmExit;
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        Path written = CommandIo.writeVectors(ctx, vectors, target, format);
        timings.put("read_seconds", round((t1 - t0) / 1e9));
        timings.put("train_seconds", round(seconds));
        timings.put("write_seconds", round((System.nanoTime() - t2) / 1e9));
        writeManifest(manifest, m, corpus);
        if (checkpoints != null) {
            checkpoints.clear();
        }
        report(m, corpus, vectors, written, format, seconds, (t1 - t0) / 1e9);
        return 0;
    }

    private void writeManifest(Path manifest, Method m, Corpus corpus) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", command(m));
        doc.put("versions", RunManifest.versions());
        doc.put("seed", ctx.settings().seed());
        doc.put("threads", threads());
        doc.put("corpus", CommandIo.resolve(ctx, text).toString());
        doc.put("corpus_sha256", corpusSha256);
        doc.put("corpus_words", corpus.tokens().length);
        doc.put("vocabulary", corpus.vocabulary().size());
        doc.put("resumed", resume);
        doc.put("timings", timings);
        ctx.writer().writeString(manifest, CommandIo.toJson(doc) + "\n");
    }

    /** The command with every setting spelled out, to run it again. */
    private String command(Method m) {
        return String.format(
                Locale.ROOT,
                "dlkit --threads %d --seed %d embed train --text %s --method %s --dim %d --window %d"
                        + " --negative %d%s --sample %s --min-count %d --iter %d --lr %s%s --out %s",
                threads(),
                ctx.settings().seed(),
                text,
                m.name().toLowerCase(Locale.ROOT),
                dim,
                window,
                negative,
                hs ? " --hs" : "",
                sample,
                minCount,
                iterations,
                learningRate(m),
                (lowercase ? " --lowercase" : "") + (m == Method.NLM ? nlm.flags() : ""),
                out);
    }

    private double learningRate(Method m) {
        if (learningRate != null) {
            return learningRate;
        }
        if (m == Method.NLM) {
            return 0.001;
        }
        return m == Method.GLOVE ? 0.05 : Word2VecSpec.defaultAlpha(m == Method.CBOW);
    }

    private void checkMinCount() {
        if (minCount < 1) {
            throw DlkitException.invalidInput("--min-count must be >= 1, got " + minCount);
        }
    }

    /** The NLM through dlkit train; null (and {@link #nlmExit} set) when train failed. */
    private WordVectors trainNlm(Corpus corpus, Path target) {
        if (store == null) {
            throw DlkitException.invalidInput("--method nlm needs dlkit's model store");
        }
        try {
            NlmTraining.Outcome o =
                    new NlmTraining(ctx, store)
                            .train(
                                    corpus,
                                    nlm,
                                    window,
                                    dim,
                                    iterations,
                                    learningRate(Method.NLM),
                                    target.resolveSibling(target.getFileName() + ".nlm"),
                                    resume);
            nlmExit = o.exitCode();
            return o.vectors();
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("embed train: " + e.getMessage());
        }
    }

    private WordVectors train(Method m, Corpus corpus, Path target) {
        Progress.Listener listener =
                ctx.settings().quiet()
                        ? Progress.Listener.none()
                        : p -> CommandIo.note(ctx, "train: " + p.line());
        try {
            if (m == Method.GLOVE) {
                double lr = learningRate(m);
                GloveSpec spec =
                        new GloveSpec(
                                dim,
                                window,
                                iterations,
                                xMax,
                                power,
                                lr,
                                ctx.settings().seed(),
                                threads());
                return Glove.train(corpus, spec, listener);
            }
            boolean cbow = m == Method.CBOW;
            double lr = learningRate(m);
            Word2VecSpec spec =
                    new Word2VecSpec(
                            cbow,
                            dim,
                            window,
                            negative,
                            hs,
                            sample,
                            iterations,
                            lr,
                            threads(),
                            ctx.settings().seed());
            String fingerprint =
                    spec + " vocabulary=" + corpus.vocabulary().size() + " corpus=" + corpusSha256;
            checkpoints = new FileCheckpoints(target, resume, fingerprint);
            return Word2Vec.train(corpus, spec, listener, checkpoints);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("embed train: " + e.getMessage());
        }
    }

    private int threads() {
        int t = ctx.settings().threads();
        return t > 0 ? t : Runtime.getRuntime().availableProcessors();
    }

    private void report(
            Method m,
            Corpus corpus,
            WordVectors vectors,
            Path written,
            VectorFormat format,
            double seconds,
            double readSeconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", m.name().toLowerCase(Locale.ROOT));
        r.put("corpus_words", corpus.tokens().length);
        r.put("vocabulary", vectors.size());
        r.put("dim", vectors.dim());
        r.put("iterations", iterations);
        r.put("threads", threads());
        r.put("read_seconds", round(readSeconds));
        r.put("train_seconds", round(seconds));
        if (m != Method.GLOVE) {
            // GloVe's passes go over co-occurrence pairs, not words; its progress shows pairs/s
            r.put(
                    "words_per_second",
                    Math.round((double) passes() * corpus.tokens().length / seconds));
        }
        if (m == Method.SKIPGRAM || m == Method.CBOW) {
            r.put("arithmetic", Kernels.arithmetic());
        }
        r.put("out", written.toString());
        r.put("format", format.id());
        if (ctx.settings().json()) {
            CommandIo.printJson(ctx, r);
            return;
        }
        r.forEach((k, v) -> ctx.out().printf("%-17s %s%n", k, v));
        ctx.out().flush();
    }

    /** The passes this run trained (fewer than --iter after --resume). */
    private int passes() {
        return checkpoints != null ? checkpoints.saved() : iterations;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
