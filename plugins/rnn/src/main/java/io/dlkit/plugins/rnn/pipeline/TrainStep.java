package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.CommandContext;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.rnn.lm.LanguageModels;
import io.dlkit.plugins.rnn.lm.LmRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn/train}: a character- or word-level language model on a text file or folder, trained as
 * {@code dlkit rnn train} trains it ({@link LmRun}: the data and model file in {@code out/data/},
 * then the core {@code dlkit train} with the sequence cross-entropy, Adam and clipping by global
 * norm). Parameters are the command's options in snake_case.
 */
final class TrainStep implements StepType {
    private final CommandContext ctx;

    TrainStep(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "Train a character- or word-level language model (LSTM, GRU or RNN) on a text.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("text", ParamType.PATH, "UTF-8 text, or a folder of .txt"),
                ParamSpec.optional("level", ParamType.STRING, "char", "char or word"),
                ParamSpec.optional("min_count", ParamType.INT, 2, "word level: rarer are <unk>"),
                ParamSpec.optional("cell", ParamType.STRING, "lstm", "lstm, gru or rnn"),
                ParamSpec.optional("layers", ParamType.INT, 2, "stacked recurrent layers"),
                ParamSpec.optional("hidden", ParamType.INT, 256, "units per layer"),
                ParamSpec.optional("embedding", ParamType.INT, 64, "embedding size"),
                ParamSpec.optional("seq", ParamType.INT, 64, "unrolled steps T"),
                ParamSpec.optional("batch", ParamType.INT, 64, "streams per batch"),
                ParamSpec.optional("epochs", ParamType.INT, 10, "epochs"),
                ParamSpec.optional("clip", ParamType.FLOAT, 5.0, "global-norm clip, 0 = off"),
                ParamSpec.optional("clip_value", ParamType.FLOAT, 0.0, "per-element clip"),
                ParamSpec.optional("val_fraction", ParamType.FLOAT, 0.1, "held-out tail"),
                ParamSpec.optional("stateless", ParamType.BOOL, false, "zero state per window"),
                ParamSpec.optional("dropout", ParamType.FLOAT, 0.0, "recurrent outputs dropped"),
                ParamSpec.optional("learning_rate", ParamType.FLOAT, 0.002, "Adam's rate"),
                ParamSpec.optional("plot", ParamType.BOOL, false, "write curves.png"),
                ParamSpec.optional(
                        "out", ParamType.OUTPUT, "model", "model directory in the output folder"));
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return TrainedModel.outputs("the last epoch's metrics and perplexity");
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path dir = context.resolveOutput(p.string("out"));
        LmRun.Settings settings = settings(p);
        List<String> extra =
                new ArrayList<>(List.of("--lr", String.valueOf(p.number("learning_rate"))));
        if (p.bool("plot")) extra.add("--plot");
        int code = new LmRun(ctx, dir).train(p.path("text"), settings, extra);
        return TrainedModel.finish(context, "rnn/train", code, dir);
    }

    static LmRun.Settings settings(Params p) {
        int batch = p.integer("batch");
        return new LmRun.Settings(
                p.string("level"),
                p.integer("min_count"),
                LanguageModels.Shape.training(
                                p.integer("seq"),
                                p.integer("embedding"),
                                p.string("cell"),
                                p.integer("hidden"),
                                p.integer("layers"),
                                batch,
                                p.bool("stateless"))
                        .withDropout(p.number("dropout")),
                batch,
                p.integer("epochs"),
                p.number("clip"),
                p.number("clip_value"),
                p.number("val_fraction"));
    }
}
