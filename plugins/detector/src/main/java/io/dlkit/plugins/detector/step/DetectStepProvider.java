package io.dlkit.plugins.detector.step;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.Detections;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.pretrained.DetectorModels;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Contributes the step {@code detector/detect}: what {@code dlkit detect IMAGE} finds, as boxes
 * (pixel coordinates of the image, with class id, name and score) for {@code image/draw-boxes} and
 * {@code boxes/save}.
 *
 * <pre>
 * - id: detect
 *   uses: detector/detect
 *   with: {model: nanodet, conf: 0.25, iou: 0.45, max_det: 300, classes: [person, dog]}
 *   inputs: {image: ${load.image}}
 * </pre>
 */
@Extension
public final class DetectStepProvider implements StepProvider {
    private final PretrainedModels models;

    /** dlkit injects the model store. */
    @Inject
    public DetectStepProvider(PretrainedModels models) {
        this.models = models;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(new DetectStep());
    }

    private final class DetectStep implements StepType {
        @Override
        public String name() {
            return "detect";
        }

        @Override
        public String description() {
            return "Detect COCO-80 objects in an image with a pretrained detector (nanodet, centernet).";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.optional(
                            "model",
                            ParamType.STRING,
                            DetectorModels.DEFAULT,
                            "nanodet, centernet or a folder with a TF.js graph model.json"),
                    ParamSpec.optional("conf", ParamType.FLOAT, 0.25, "minimum score"),
                    ParamSpec.optional(
                            "iou",
                            ParamType.FLOAT,
                            0.45,
                            "IoU above which non-max suppression drops a box"),
                    ParamSpec.optional("max_det", ParamType.INT, 300, "at most this many boxes"),
                    ParamSpec.optional(
                            "agnostic", ParamType.BOOL, false, "suppress across classes"),
                    ParamSpec.optional(
                            "classes", ParamType.LIST, null, "keep only these class names"));
        }

        @Override
        public List<Port> inputs() {
            return List.of(Port.of("image", ArtifactType.IMAGE, "the image to search"));
        }

        @Override
        public List<Port> outputs() {
            return List.of(
                    Port.of(
                            "boxes",
                            ArtifactType.BOXES,
                            "the detections, pixel coordinates, best first"));
        }

        @Override
        public Map<String, Object> run(
                StepContext context, Params params, Map<String, Object> inputs) {
            float conf = (float) params.number("conf");
            float iou = (float) params.number("iou");
            if (!(conf >= 0 && conf <= 1)
                    || !(iou >= 0 && iou <= 1)
                    || params.integer("max_det") < 1) {
                throw DlkitException.invalidInput(
                        "detect: conf and iou must be in [0, 1] and max_det >= 1");
            }
            NmsOptions nms =
                    new NmsOptions(conf, iou, params.integer("max_det"), params.bool("agnostic"));
            List<Detection> found;
            List<String> names;
            Set<Integer> keep;
            try (GraphContext g = context.openGraph()) {
                ObjectDetector detector = DetectorModels.open(g, models, params.string("model"));
                names = detector.classNames();
                keep = classes(params, names);
                found = detector.detect((Image) inputs.get("image"), nms);
            }
            if (keep != null)
                found = found.stream().filter(d -> keep.contains(d.classId())).toList();
            List<Box> boxes = Detections.toImageBoxes(found, names);
            context.progress(1, 1, boxes.size() + " object(s)");
            return Map.of("boxes", boxes);
        }

        private Set<Integer> classes(Params params, List<String> names) {
            if (!params.has("classes")) return null;
            Set<Integer> ids = new HashSet<>();
            for (Object o : params.list("classes")) {
                int id = names.indexOf(String.valueOf(o).strip());
                if (id < 0) {
                    throw DlkitException.invalidInput(
                            "detect: class '" + o + "' is not one of the model's classes");
                }
                ids.add(id);
            }
            return ids;
        }
    }
}
