package io.dlkit.plugins.rnn.pipeline;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the steps that use a model find it: the input {@code model} (from {@code rnn/train}) or the
 * parameter {@code model_dir} (a model directory trained before); exactly one of them.
 */
final class StepModel {
    private StepModel() {}

    static Port input(String description) {
        return Port.optional("model", ArtifactType.MODEL, description);
    }

    static ParamSpec param() {
        return ParamSpec.optional(
                "model_dir", ParamType.PATH, null, "a model directory (instead of inputs.model)");
    }

    static Path dir(String step, Params params, Map<String, Object> inputs) {
        Object model = inputs.get("model");
        if ((model != null) == params.has("model_dir")) {
            throw DlkitException.invalidInput(
                    step + ": give exactly one of inputs.model and with.model_dir");
        }
        return model != null ? (Path) model : params.path("model_dir");
    }
}
