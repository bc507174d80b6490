package io.dlkit.plugins.rnn.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the training steps ({@code rnn/train}, {@code rnn/seq2seq-train}, {@code
 * rnn/classify-train}) return once the core {@code dlkit train} has run: the model directory and
 * the last epoch's metrics, the run's files recorded as outputs.
 */
final class TrainedModel {
    private static final String[] RUN_FILES = {
        "model.yaml", "metrics.csv", "metrics.json", "curves.png"
    };

    private TrainedModel() {}

    /** The optional {@code out} parameter: the model directory, the step's id by default. */
    static ParamSpec outParam() {
        return ParamSpec.optional(
                "out",
                ParamType.OUTPUT,
                null,
                "model directory in the output folder (default: the step's id)");
    }

    /** The model directory {@code out} names in the output folder, or the step's id. */
    static Path outDir(StepContext context, Params p) {
        return context.resolveOutput(p.has("out") ? p.string("out") : context.stepId());
    }

    /** The outputs {@code model} and {@code metrics}. */
    static List<Port> outputs(String metrics) {
        return List.of(
                Port.of("model", ArtifactType.MODEL, "the model directory"),
                Port.of("metrics", ArtifactType.JSON, metrics));
    }

    /** Checks train's exit {@code code}, records the run's files and returns the outputs. */
    static Map<String, Object> finish(StepContext context, String step, int code, Path dir) {
        if (code != 0) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    step
                            + ": dlkit train ended with exit code "
                            + code
                            + " (its message is above)");
        }
        for (String f : RUN_FILES) {
            if (Files.exists(dir.resolve(f))) context.recordOutput(dir.resolve(f));
        }
        return Map.of("model", dir, "metrics", lastEpoch(dir));
    }

    /** The last line of {@code metrics.json}, with {@code val_perplexity = e^val_loss}. */
    private static Map<String, Object> lastEpoch(Path dir) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            List<?> epochs =
                    new ObjectMapper().readValue(dir.resolve("metrics.json").toFile(), List.class);
            if (!epochs.isEmpty() && epochs.get(epochs.size() - 1) instanceof Map<?, ?> last) {
                last.forEach((k, v) -> out.put(String.valueOf(k), v));
                if (last.get("val_loss") instanceof Number v) {
                    out.put("val_perplexity", Math.exp(v.doubleValue()));
                }
            }
        } catch (IOException e) {
            out.put("error", "cannot read " + dir.resolve("metrics.json") + ": " + e.getMessage());
        }
        return out;
    }
}
