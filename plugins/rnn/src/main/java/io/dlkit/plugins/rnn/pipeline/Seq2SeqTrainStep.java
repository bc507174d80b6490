package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.CommandContext;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.rnn.seq2seq.Seq2SeqRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn/seq2seq-train}: an encoder-decoder on a TSV file of source/target pairs, trained as
 * {@code dlkit rnn seq2seq-train} trains it ({@link Seq2SeqRun}). Parameters are the command's
 * options in snake_case, with {@code learning_rate} and {@code batch_size} for train.
 */
final class Seq2SeqTrainStep implements StepType {
    private final CommandContext ctx;

    Seq2SeqTrainStep(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "seq2seq-train";
    }

    @Override
    public String description() {
        return "Train an encoder-decoder on TSV pairs (source<TAB>target).";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("pairs", ParamType.PATH, "source<TAB>target lines"),
                ParamSpec.optional("embedding", ParamType.INT, 32, "embedding size"),
                ParamSpec.optional("hidden", ParamType.INT, 128, "LSTM units"),
                ParamSpec.optional("epochs", ParamType.INT, 10, "epochs"),
                ParamSpec.optional("val_fraction", ParamType.FLOAT, 0.05, "held-out pairs"),
                ParamSpec.optional("learning_rate", ParamType.FLOAT, 0.005, "Adam's rate"),
                ParamSpec.optional("batch_size", ParamType.INT, 32, "pairs per batch"),
                TrainedModel.outParam());
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return TrainedModel.outputs("the last epoch's metrics");
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path dir = TrainedModel.outDir(context, p);
        Seq2SeqRun.Settings s =
                new Seq2SeqRun.Settings(
                        p.path("pairs"),
                        p.integer("embedding"),
                        p.integer("hidden"),
                        p.integer("epochs"),
                        p.number("val_fraction"));
        List<String> extra =
                List.of(
                        "--lr",
                        String.valueOf(p.number("learning_rate")),
                        "--batch-size",
                        String.valueOf(p.integer("batch_size")));
        int code = new Seq2SeqRun(ctx, dir).train(s, extra);
        return TrainedModel.finish(context, "rnn/seq2seq-train", code, dir);
    }
}
