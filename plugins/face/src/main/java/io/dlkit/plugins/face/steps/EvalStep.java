package io.dlkit.plugins.face.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code face/eval}: what {@code dlkit face eval} does, through the command itself: verification
 * accuracy (LFW protocol), AUC, best threshold and the ROC curve as a PNG, for face-api's
 * recogniser or a model {@code face/train} made (input {@code model}, or parameter {@code
 * model_dir}).
 */
final class EvalStep implements StepType {
    private final FaceStepProvider provider;

    EvalStep(FaceStepProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "eval";
    }

    @Override
    public String description() {
        return "Verification accuracy, ROC/AUC and best threshold on LFW-style pairs.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("data", ParamType.PATH, "a folder of person/*.jpg folders"),
                ParamSpec.optional("pairs", ParamType.PATH, null, "LFW pairs.txt (default: all)"),
                ParamSpec.optional(
                        "model_dir", ParamType.PATH, null, "a face train folder (or inputs.model)"),
                ParamSpec.optional("folds", ParamType.INT, 10, "folds without a header"),
                ParamSpec.optional("threshold", ParamType.FLOAT, 0.6, "distance threshold"),
                FaceStepProvider.modelsParam(),
                ParamSpec.optional("roc", ParamType.OUTPUT, "roc.png", "the ROC curve (PNG)"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optional("model", ArtifactType.MODEL, "a model face/train made"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("metrics", ArtifactType.JSON, "accuracy, auc, best threshold, counts"),
                Port.of("roc", ArtifactType.FILE, "the ROC curve (PNG)"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
        Path roc = context.resolveOutput(p.string("roc"));
        Path model = model(p, inputs);
        Map<String, Object> result =
                arguments(p, model, roc).parse(provider.evalCommand()).evaluate();
        context.recordOutput(roc);
        return Map.of("metrics", new LinkedHashMap<>(result), "roc", roc);
    }

    /** The command line {@code dlkit face eval} gets for these parameters. */
    static FaceCommands arguments(Params p, Path model, Path roc) {
        return new FaceCommands("face/eval")
                .option("--data", p.path("data"))
                .option("--pairs", p.has("pairs") ? p.path("pairs") : null)
                .option("--model", model)
                .option("--folds", p.integer("folds"))
                .option("--threshold", p.number("threshold"))
                .option("--models", p.has("models") ? p.path("models") : null)
                .option("--roc", roc);
    }

    /** inputs.model or with.model_dir (at most one); null: face-api's recogniser. */
    private static Path model(Params p, Map<String, Object> inputs) {
        Object in = inputs.get("model");
        if (in != null && p.has("model_dir")) {
            throw DlkitException.invalidInput(
                    "face/eval: give inputs.model or with.model_dir, not both");
        }
        return in != null ? (Path) in : p.has("model_dir") ? p.path("model_dir") : null;
    }
}
