package io.dlkit.plugins.embeddings.nlm;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.io.NdArray;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.command.CommandIo;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Trains the neural language model through dlkit's own {@code train} command (progress,
 * checkpoints, {@code --resume}, NaN stop) and takes its embedding table E as the word vectors. The
 * work folder ({@code OUT.nlm/}) holds the model file, the context pairs while training runs, and
 * the trained model directory {@code model/}, which stays for {@code dlkit predict} or {@code
 * --resume}.
 */
public final class NlmTraining {
    private final CommandContext ctx;
    private final ModelStore store;

    /**
     * @param ctx the running command's context (its {@code runCommand} runs {@code train})
     * @param store the host's model store, to read the trained table
     */
    public NlmTraining(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /**
     * What a run gave.
     *
     * @param exitCode {@code dlkit train}'s exit code; the vectors are null unless it is 0
     * @param vectors E without the padding row
     */
    public record Outcome(int exitCode, WordVectors vectors) {}

    /**
     * Trains, or with {@code resume} goes on with the model directory in {@code work}.
     *
     * @param epochs passes over the corpus; {@code lr} Adam's learning rate
     */
    public Outcome train(
            Corpus corpus,
            NlmOptions options,
            int window,
            int dim,
            int epochs,
            double lr,
            Path work,
            boolean resume) {
        Path modelDir = work.resolve("model");
        Path data = work.resolve("contexts.npz");
        NlmContexts pairs = NlmContexts.of(corpus, window, options.bothSides());
        int vocab = corpus.vocabulary().size();
        String model =
                CommandIo.toJson(NlmModel.config(vocab, pairs.width(), dim, options.hidden()));
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve("model.json"), model);
            pairs.writeNpz(data);
        } catch (IOException e) {
            throw DlkitException.failed("cannot write " + work + ": " + e.getMessage(), e);
        }
        CommandIo.note(
                ctx,
                String.format(
                        Locale.ROOT,
                        "nlm: %,d (context, word) pairs of %d context words, softmax over %,d words;"
                                + " dlkit train writes %s",
                        pairs.rows(),
                        pairs.width(),
                        vocab,
                        modelDir));
        int code = ctx.runCommand(trainArgs(work, modelDir, data, options, epochs, lr, resume));
        if (code != 0) return new Outcome(code, null);
        deleteQuietly(data);
        return new Outcome(0, table(modelDir, corpus, dim));
    }

    private static String[] trainArgs(
            Path work,
            Path modelDir,
            Path data,
            NlmOptions options,
            int epochs,
            double lr,
            boolean resume) {
        List<String> args = new ArrayList<>(List.of("train"));
        if (resume) {
            if (!Files.isDirectory(modelDir)) {
                throw DlkitException.invalidInput(
                        "--resume: no model directory " + modelDir + " from an earlier nlm run");
            }
            args.addAll(
                    List.of(
                            "--resume",
                            "--epochs",
                            Integer.toString(epochs),
                            "--out",
                            modelDir.toString()));
            return args.toArray(String[]::new);
        }
        args.addAll(
                List.of(
                        "--model",
                        work.resolve("model.json").toString(),
                        "--data",
                        data.toString(),
                        "--epochs",
                        Integer.toString(epochs),
                        "--batch-size",
                        Integer.toString(options.batchSize()),
                        "--optimizer",
                        "adam",
                        "--lr",
                        Double.toString(lr),
                        "--out",
                        modelDir.toString()));
        return args.toArray(String[]::new);
    }

    private WordVectors table(Path modelDir, Corpus corpus, int dim) {
        int vocab = corpus.vocabulary().size();
        try (ModelStore.LoadedModel m = store.open(modelDir)) {
            NdArray e = m.weights().get(NlmModel.TABLE);
            if (e == null || e.shape()[0] != vocab + 1 || e.shape()[1] != dim) {
                throw DlkitException.failed(
                        modelDir
                                + ": no "
                                + NlmModel.TABLE
                                + " of shape ["
                                + (vocab + 1)
                                + ", "
                                + dim
                                + "]; train again without --resume",
                        null);
            }
            float[] rows = Arrays.copyOf(e.floats(), vocab * dim);
            return new WordVectors(corpus.vocabulary().words(), rows, dim);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // only disk space: the pairs are rebuilt from the corpus when needed
        }
    }
}
