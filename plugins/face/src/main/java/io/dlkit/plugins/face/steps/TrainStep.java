package io.dlkit.plugins.face.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code face/train}: what {@code dlkit face train} does, through the command itself (its options
 * from the parameters in snake_case): a FaceNet encoder (triplet loss) or a DeepFace verification
 * head (pairs) trained on {@code data/person/*.jpg} into the model folder {@code out}, with the
 * core trainer's checkpoints and {@code resume}.
 */
final class TrainStep implements StepType {
    private static final String[] RUN_FILES = {"model.yaml", "metrics.csv", "curves.png"};

    private final FaceStepProvider provider;

    TrainStep(FaceStepProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String description() {
        return "Train a face encoder (triplet loss) or verification head (pairs) on person/*.jpg.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("data", ParamType.PATH, "a folder of person/*.jpg folders"),
                ParamSpec.optional("val", ParamType.PATH, null, "validation identities"),
                ParamSpec.optional("loss", ParamType.STRING, "triplet", "triplet or pairs"),
                ParamSpec.optional("epochs", ParamType.INT, 10, "epochs to reach"),
                ParamSpec.optional("learning_rate", ParamType.FLOAT, null, "default by loss"),
                ParamSpec.optional("optimizer", ParamType.STRING, "adam", "the optimizer"),
                ParamSpec.optional("resume", ParamType.BOOL, false, "continue the model in out"),
                ParamSpec.optional("checkpoint_every", ParamType.INT, 0, "also every N steps"),
                ParamSpec.optional("identities_per_batch", ParamType.INT, 8, "triplet: P"),
                ParamSpec.optional("images_per_identity", ParamType.INT, 4, "triplet: K"),
                ParamSpec.optional("batches_per_epoch", ParamType.INT, 0, "0: one pass"),
                ParamSpec.optional("width", ParamType.FLOAT, 1.0, "NN4-small2 filter multiplier"),
                ParamSpec.optional("bn_momentum", ParamType.FLOAT, 0.9, "batch norm momentum"),
                ParamSpec.optional("align", ParamType.BOOL, false, "cut to the aligned face"),
                ParamSpec.optional("flip", ParamType.BOOL, true, "mirror images at random"),
                ParamSpec.optional(
                        "encoder", ParamType.STRING, "face-api", "pairs: face-api or a model"),
                ParamSpec.optional("distance", ParamType.STRING, "abs", "pairs: abs, chi_square"),
                ParamSpec.optional("pairs_per_batch", ParamType.INT, 64, "pairs: per batch"),
                FaceStepProvider.modelsParam(),
                ParamSpec.optional(
                        "out", ParamType.OUTPUT, "model", "model folder in the output folder"));
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("model", ArtifactType.MODEL, "the model folder (face/eval's input)"),
                Port.of("metrics", ArtifactType.JSON, "epochs, steps and the last epoch's loss"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path out = context.resolveOutput(p.string("out"));
        FaceCommands args = arguments(p, out);
        Map<String, Object> result = args.parse(provider.trainCommand()).train();
        for (String f : RUN_FILES) {
            if (Files.exists(out.resolve(f))) context.recordOutput(out.resolve(f));
        }
        return Map.of("model", out, "metrics", new LinkedHashMap<>(result));
    }

    /** The command line {@code dlkit face train} gets for these parameters. */
    static FaceCommands arguments(Params p, Path out) {
        return new FaceCommands("face/train")
                .option("--data", p.path("data"))
                .option("--val", p.has("val") ? p.path("val") : null)
                .option("--out", out)
                .option("--loss", p.string("loss"))
                .option("--epochs", p.integer("epochs"))
                .option("--lr", p.has("learning_rate") ? p.number("learning_rate") : null)
                .option("--optimizer", p.string("optimizer"))
                .flag("--resume", p.bool("resume"))
                .option("--checkpoint-every", p.integer("checkpoint_every"))
                .option("--identities-per-batch", p.integer("identities_per_batch"))
                .option("--images-per-identity", p.integer("images_per_identity"))
                .option("--batches-per-epoch", p.integer("batches_per_epoch"))
                .option("--width", p.number("width"))
                .option("--bn-momentum", p.number("bn_momentum"))
                .flag("--align", p.bool("align"))
                .flag("--no-flip", !p.bool("flip"))
                .option("--encoder", p.string("encoder"))
                .option("--distance", p.string("distance"))
                .option("--pairs-per-batch", p.integer("pairs_per_batch"))
                .option("--models", p.has("models") ? p.path("models") : null);
    }
}
