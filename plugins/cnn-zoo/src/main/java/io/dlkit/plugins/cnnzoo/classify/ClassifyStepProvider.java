package io.dlkit.plugins.cnnzoo.classify;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Contributes the step {@code cnn-zoo/classify}: what {@code dlkit classify} prints, as a JSON
 * artifact.
 *
 * <pre>
 * - id: classify
 *   uses: cnn-zoo/classify
 *   with: {model: runs/flowers, images: photos/, top_k: 3}   # images: a file or a folder
 *   inputs: {image: ${load.image}}                          # or/and an image from another step
 * </pre>
 *
 * Parameters: {@code model} (a model directory, required), {@code images} (an image file, or a
 * folder whose images, sub-folders included, are classified in path order), {@code top_k} (default
 * 5). Input: {@code image}, an optional in-memory image (from {@code image/load} or {@code
 * image/resize}), classified after the files. At least one of {@code images} and {@code image} is
 * needed. Output: {@code predictions}, a list of {@code {image, top: [{class, id, probability}]}},
 * one per image, where {@code image} is the file's path or {@code "inputs.image"}.
 */
@Extension
public final class ClassifyStepProvider implements StepProvider {
    private final ModelStore store;

    /** dlkit injects the model store. */
    @Inject
    public ClassifyStepProvider(ModelStore store) {
        this.store = store;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(new ClassifyStep());
    }

    private final class ClassifyStep implements StepType {
        @Override
        public String name() {
            return "classify";
        }

        @Override
        public String description() {
            return "Classify images with a trained model: top-k classes with probabilities.";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.required("model", ParamType.PATH, "a trained model directory"),
                    ParamSpec.optional(
                            "images", ParamType.PATH, null, "an image file or a folder of images"),
                    ParamSpec.optional("top_k", ParamType.INT, 5, "classes per image"),
                    ParamSpec.optional(
                            "strict",
                            ParamType.BOOL,
                            false,
                            "fail on an image that cannot be read (default: report and skip it)"));
        }

        @Override
        public List<Port> inputs() {
            return List.of(
                    Port.optional(
                            "image", ArtifactType.IMAGE, "an image to classify after the files"));
        }

        @Override
        public List<Port> outputs() {
            return List.of(
                    Port.of(
                            "predictions",
                            ArtifactType.JSON,
                            "per image: {image, top: [{class, id, probability}]}"));
        }

        @Override
        public Map<String, Object> run(
                StepContext context, Params params, Map<String, Object> inputs) {
            int topK = params.integer("top_k");
            if (topK < 1) {
                throw DlkitException.invalidInput("top_k must be at least 1, got " + topK);
            }
            Object image = inputs.get("image");
            if (!params.has("images") && image == null) {
                throw DlkitException.invalidInput(
                        "classify: nothing to classify; set with.images to an image file or"
                                + " folder, or wire inputs.image to an image");
            }
            List<Path> files =
                    params.has("images")
                            ? Classifier.imageFiles(List.of(params.path("images")))
                            : List.of();
            int total = files.size() + (image == null ? 0 : 1);
            List<Map<String, Object>> out = new ArrayList<>();
            try (Classifier c = Classifier.open(store, params.path("model"))) {
                if (c.warning() != null) context.progress(0, total, "warning: " + c.warning());
                boolean strict = params.has("strict") && params.bool("strict");
                Classifier.BadImages bad =
                        (file, e) -> {
                            if (strict) throw e;
                            context.progress(0, total, "warning: skipped " + e.getMessage());
                        };
                for (Prediction p :
                        c.classifyFiles(
                                files,
                                topK,
                                done -> context.progress(done, total, "image " + done),
                                bad)) {
                    out.add(p.toJson());
                }
                if (image instanceof Image img) {
                    out.add(
                            c.classify(List.of(img), List.of("inputs.image"), topK)
                                    .get(0)
                                    .toJson());
                    context.progress(total, total, "image " + total);
                }
            }
            return Map.of("predictions", out);
        }
    }
}
