package io.dlkit.plugins.embeddings.pipeline;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.format.VectorFormat;
import io.dlkit.plugins.embeddings.glove.Glove;
import io.dlkit.plugins.embeddings.glove.GloveSpec;
import io.dlkit.plugins.embeddings.train.Method;
import io.dlkit.plugins.embeddings.word2vec.Progress;
import io.dlkit.plugins.embeddings.word2vec.Word2Vec;
import io.dlkit.plugins.embeddings.word2vec.Word2VecSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code embeddings/train}: word vectors from a text file or folder, as {@code dlkit embed train}
 * trains them, written to {@code file} in the run's output directory. Threads and seed are the
 * run's {@code --threads} and {@code --seed}.
 */
final class TrainStep implements StepType {
    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "Train word vectors (skip-gram, CBOW or GloVe) on a text file or folder.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("text", ParamType.PATH, "the corpus: a UTF-8 file or folder"),
                ParamSpec.optional(
                        "method", ParamType.STRING, "skipgram", "skipgram, cbow or glove"),
                ParamSpec.optional("dim", ParamType.INT, 100, "vector size"),
                ParamSpec.optional("window", ParamType.INT, 5, "context window"),
                ParamSpec.optional("negative", ParamType.INT, 5, "negative samples, 0 for none"),
                ParamSpec.optional("hs", ParamType.BOOL, false, "also hierarchical softmax"),
                ParamSpec.optional("sample", ParamType.FLOAT, 1e-3, "sub-sampling threshold"),
                ParamSpec.optional("min_count", ParamType.INT, 5, "drop rarer words"),
                ParamSpec.optional("iter", ParamType.INT, 5, "passes over the corpus"),
                ParamSpec.optional("lr", ParamType.FLOAT, null, "starting learning rate"),
                ParamSpec.optional("lowercase", ParamType.BOOL, false, "lowercase every word"),
                ParamSpec.optional(
                        "file",
                        ParamType.OUTPUT,
                        "vectors.bin",
                        "file name in the output directory (.bin, .txt, .vec, .npz)"));
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("file", ArtifactType.FILE, "the vectors file"),
                Port.of("summary", ArtifactType.JSON, "corpus, vocabulary and speed"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> in) {
        Method method = Method.of(params.string("method"));
        if (method == Method.NLM) {
            throw DlkitException.invalidInput(
                    "train: method nlm trains through dlkit train; run 'dlkit embed train --method"
                            + " nlm' (this step takes skipgram, cbow or glove)");
        }
        Path target = context.resolveOutput(params.string("file"));
        VectorFormat format = VectorFiles.forOutput(target, null);
        int minCount = params.integer("min_count");
        if (minCount < 1) {
            throw DlkitException.invalidInput("train: min_count must be >= 1, got " + minCount);
        }
        Corpus corpus = Corpus.load(params.path("text"), params.bool("lowercase"), minCount);
        long start = System.nanoTime();
        WordVectors vectors = train(context, params, method, corpus);
        double seconds = (System.nanoTime() - start) / 1e9;
        Path written = context.writer().write(target, o -> VectorFiles.write(vectors, format, o));
        context.recordOutput(written);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("method", params.string("method"));
        summary.put("corpus_words", corpus.tokens().length);
        summary.put("vocabulary", vectors.size());
        summary.put("dim", vectors.dim());
        summary.put("train_seconds", Math.round(seconds * 1000) / 1000.0);
        return Map.of("file", written, "summary", summary);
    }

    private static WordVectors train(
            StepContext context, Params params, Method method, Corpus corpus) {
        int threads = context.settings().threads();
        threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        long seed = context.settings().seed();
        Progress.Listener listener = p -> context.progress(p.done(), p.total(), p.line().trim());
        boolean cbow = method == Method.CBOW;
        double lr =
                params.has("lr")
                        ? params.number("lr")
                        : method == Method.GLOVE ? 0.05 : Word2VecSpec.defaultAlpha(cbow);
        int dim = params.integer("dim");
        int window = params.integer("window");
        int iter = params.integer("iter");
        try {
            if (method == Method.GLOVE) {
                GloveSpec spec = new GloveSpec(dim, window, iter, 100, 0.75, lr, seed, threads);
                return Glove.train(corpus, spec, listener);
            }
            Word2VecSpec spec =
                    new Word2VecSpec(
                            cbow,
                            dim,
                            window,
                            params.integer("negative"),
                            params.bool("hs"),
                            params.number("sample"),
                            iter,
                            lr,
                            threads,
                            seed);
            return Word2Vec.train(corpus, spec, listener);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("train: " + e.getMessage());
        }
    }
}
