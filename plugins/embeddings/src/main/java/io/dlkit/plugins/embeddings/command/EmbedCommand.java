package io.dlkit.plugins.embeddings.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.embeddings.debias.DebiasCommand;
import io.dlkit.plugins.embeddings.format.ConvertCommand;
import io.dlkit.plugins.embeddings.sentiment.SentimentCommand;
import io.dlkit.plugins.embeddings.sentiment.SentimentTrainCommand;
import io.dlkit.plugins.embeddings.similarity.AnalogyCommand;
import io.dlkit.plugins.embeddings.similarity.EvalAnalogyCommand;
import io.dlkit.plugins.embeddings.similarity.NeighborsCommand;
import io.dlkit.plugins.embeddings.train.TrainCommand;
import io.dlkit.plugins.embeddings.tsne.TsneCommand;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/**
 * Contributes {@code dlkit embed}: train word vectors (word2vec, GloVe), convert their files, and
 * use them (neighbours, analogies, the analogy test, t-SNE maps, debiasing). The subcommands are
 * created by dlkit's factory, which injects their {@link io.dlkit.api.CommandContext}.
 */
@Extension
@Command(
        name = "embed",
        mixinStandardHelpOptions = true,
        description =
                "Word embeddings: train (word2vec, GloVe, NLM), convert, neighbors, analogies, t-SNE,"
                        + " debias, sentiment.",
        subcommands = {
            TrainCommand.class,
            ConvertCommand.class,
            NeighborsCommand.class,
            AnalogyCommand.class,
            EvalAnalogyCommand.class,
            TsneCommand.class,
            DebiasCommand.class,
            SentimentTrainCommand.class,
            SentimentCommand.class
        })
public final class EmbedCommand implements CommandProvider, Callable<Integer> {
    /** PF4J creates it. */
    public EmbedCommand() {}

    @Override
    public Object command() {
        return this;
    }

    /** {@code dlkit embed} alone: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw DlkitException.invalidInput(
                "embed: missing subcommand; use 'dlkit embed train', 'convert', 'neighbors',"
                        + " 'analogy', 'eval-analogy', 'tsne', 'debias', 'sentiment-train' or 'sentiment'");
    }
}
