package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.CommandContext;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.rnn.classify.ClassifierRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn/classify-train}: a many-to-one LSTM text classifier on labelled JSON texts, trained as
 * {@code dlkit rnn classify-train} trains it ({@link ClassifierRun}). Parameters are the command's
 * options in snake_case ({@code data} and {@code test} one file or a list of files each, as the
 * repeatable {@code --data} and {@code --test}: train on two sources, test on a third), with {@code
 * learning_rate} and {@code batch_size} for train.
 */
final class ClassifyTrainStep implements StepType {
    private final CommandContext ctx;

    ClassifyTrainStep(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "classify-train";
    }

    @Override
    public String description() {
        return "Train an LSTM text classifier on JSON files of labelled texts.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("data", ParamType.PATHS, "labelled JSON texts (file or list)"),
                ParamSpec.optional(
                        "test", ParamType.PATHS, null, "JSON texts scored after (file or list)"),
                ParamSpec.optional("text_field", ParamType.STRING, "text", "the text's key"),
                ParamSpec.optional("label_field", ParamType.STRING, "class", "the label's key"),
                ParamSpec.optional("val_split", ParamType.FLOAT, 0.2, "held-out fraction"),
                ParamSpec.optional("embeddings", ParamType.PATH, null, "pretrained vectors"),
                ParamSpec.optional("seq", ParamType.INT, 40, "words read per text"),
                ParamSpec.optional("embedding", ParamType.INT, 32, "embedding size"),
                ParamSpec.optional("hidden", ParamType.INT, 32, "LSTM units"),
                ParamSpec.optional("min_count", ParamType.INT, 1, "rarer words are <unk>"),
                ParamSpec.optional("epochs", ParamType.INT, 5, "epochs"),
                ParamSpec.optional("learning_rate", ParamType.FLOAT, 0.002, "Adam's rate"),
                ParamSpec.optional("batch_size", ParamType.INT, 32, "texts per batch"),
                TrainedModel.outParam());
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return TrainedModel.outputs("the last epoch's metrics (val_accuracy)");
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path dir = TrainedModel.outDir(context, p);
        ClassifierRun.Settings s =
                new ClassifierRun.Settings(
                        p.paths("data"),
                        p.has("test") ? p.paths("test") : List.of(),
                        p.string("text_field"),
                        p.string("label_field"),
                        p.number("val_split"),
                        p.has("embeddings") ? p.path("embeddings") : null,
                        p.integer("seq"),
                        p.integer("embedding"),
                        p.integer("hidden"),
                        p.integer("min_count"),
                        p.integer("epochs"));
        List<String> extra =
                List.of(
                        "--lr",
                        String.valueOf(p.number("learning_rate")),
                        "--batch-size",
                        String.valueOf(p.integer("batch_size")));
        int code = new ClassifierRun(ctx, dir).train(s, extra);
        return TrainedModel.finish(context, "rnn/classify-train", code, dir);
    }
}
