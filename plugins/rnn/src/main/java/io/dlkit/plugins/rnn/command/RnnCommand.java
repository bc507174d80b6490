package io.dlkit.plugins.rnn.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.plugins.rnn.classify.ClassifyCommand;
import io.dlkit.plugins.rnn.classify.ClassifyTrainCommand;
import io.dlkit.plugins.rnn.lm.EvalTextCommand;
import io.dlkit.plugins.rnn.lm.SampleCommand;
import io.dlkit.plugins.rnn.lm.TrainLmCommand;
import io.dlkit.plugins.rnn.seq2seq.DatesCommand;
import io.dlkit.plugins.rnn.seq2seq.Seq2SeqTrainCommand;
import io.dlkit.plugins.rnn.seq2seq.TranslateCommand;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;

/**
 * Contributes {@code dlkit rnn}: {@code train} (alias {@code train-chars}: a character- or
 * word-level language model, through {@code dlkit train}), {@code sample} (novel text from such a
 * model), {@code eval} (its perplexity), {@code classify-train} and {@code classify} (a many-to-one
 * LSTM text classifier), {@code seq2seq-train}, {@code translate} and {@code dates} (an
 * encoder-decoder, and the human-dates task it is shown on).
 */
@Extension
@Command(
        name = "rnn",
        mixinStandardHelpOptions = true,
        description = "Recurrent networks: language models, text classifiers, encoder-decoders.",
        subcommands = {
            TrainLmCommand.class,
            SampleCommand.class,
            EvalTextCommand.class,
            ClassifyTrainCommand.class,
            ClassifyCommand.class,
            Seq2SeqTrainCommand.class,
            TranslateCommand.class,
            DatesCommand.class
        })
public final class RnnCommand implements CommandProvider, Callable<Integer> {
    /** PF4J creates it. */
    public RnnCommand() {}

    @Override
    public Object command() {
        return this;
    }

    /** {@code dlkit rnn} alone: a usage error naming the subcommands. */
    @Override
    public Integer call() {
        throw DlkitException.invalidInput(
                "rnn: missing subcommand; use 'dlkit rnn train --text FILE' or 'dlkit rnn"
                        + " sample MODEL_DIR'");
    }
}
