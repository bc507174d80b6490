package io.dlkit.plugins.detector.command;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchParams;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.pretrained.DetectorModels;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * {@code dlkit batch detect}: the objects in each image, as {@code dlkit detect --format json}
 * prints them ({@code {file, width, height, detections: [...]}}, file = the record's id), with the
 * same reading, model, thresholds and class filter.
 */
@Extension
public final class DetectBatchTask implements BatchTaskProvider {
    private final PretrainedModels models;

    /** dlkit injects the model store. */
    @Inject
    public DetectBatchTask(PretrainedModels models) {
        this.models = models;
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public String description() {
        return "objects of the 80 COCO classes (boxes, classes, scores), as dlkit detect";
    }

    @Override
    public Input input() {
        return Input.IMAGE;
    }

    @Override
    public List<Param> params() {
        return List.of(
                new Param("model", DetectorModels.DEFAULT, "nanodet, centernet or a folder"),
                new Param("conf", "0.25", "minimum score"),
                new Param("iou", "0.45", "IoU above which NMS drops a box"),
                new Param("max_det", "300", "at most N detections per image"),
                new Param("agnostic", "false", "suppress across classes"),
                new Param("classes", "", "keep only these classes, e.g. person,dog"));
    }

    @Override
    public BatchTask open(RunSettings settings, Map<String, String> given) {
        BatchParams p = BatchParams.of(name(), params(), given);
        float conf = (float) p.number("conf");
        float iou = (float) p.number("iou");
        if (!(conf >= 0 && conf <= 1) || !(iou >= 0 && iou <= 1) || p.integer("max_det") < 1) {
            throw DlkitException.invalidInput(
                    "batch detect: --conf and --iou must be in [0, 1] and --max-det >= 1");
        }
        NmsOptions nms = new NmsOptions(conf, iou, p.integer("max_det"), p.bool("agnostic"));
        String model = p.string("model");
        Path dir = settings.workDir().resolve(model);
        String spec = Files.isDirectory(dir) ? dir.toString() : model;
        GraphContext g =
                GraphContext.create(
                        DeviceRequest.parse(settings.device()),
                        settings.threads(),
                        settings.seed());
        try {
            ObjectDetector detector = DetectorModels.open(g, models, spec);
            return new Session(g, detector, nms, keep(p.list("classes"), detector), model);
        } catch (RuntimeException e) {
            g.close();
            throw e;
        }
    }

    private static Set<Integer> keep(List<String> classes, ObjectDetector detector) {
        if (classes.isEmpty()) return null;
        Set<Integer> ids = new HashSet<>();
        for (String c : classes) {
            int id = detector.classNames().indexOf(c);
            if (id < 0) {
                throw DlkitException.invalidInput(
                        "batch detect: --classes " + c + " is not one of the model's classes");
            }
            ids.add(id);
        }
        return ids;
    }

    private record Session(
            GraphContext graph,
            ObjectDetector detector,
            NmsOptions nms,
            Set<Integer> keep,
            String modelId)
            implements BatchTask {
        @Override
        public BatchResult process(BatchRecord record) {
            Image image;
            try {
                image = ImageGuard.read(record.bytes(), record.id());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Detection> found = detector.detect(image, nms);
            if (keep != null)
                found = found.stream().filter(d -> keep.contains(d.classId())).toList();
            ImageResult r =
                    new ImageResult(
                            Path.of(record.id()),
                            image.width(),
                            image.height(),
                            found,
                            detector.classNames());
            return new BatchResult(r.toJson(), found.size());
        }

        @Override
        public void close() {
            graph.close();
        }
    }
}
