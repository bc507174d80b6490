package io.dlkit.plugins.detector.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.plugins.detector.heads.LocalizationBatchSource;
import io.dlkit.plugins.detector.heads.LocalizationObjective;
import io.dlkit.plugins.detector.heads.LocalizationTargets;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * {@code dlkit detect train --head localization --data DIR --model MODEL.yaml --out DIR}: trains a
 * one-object classification-with-localization model ({@link LocalizationObjective}) on the same
 * label formats as YOLO. {@code MODEL.yaml} is a sequential model ({@code input_shape}, square, 3
 * channels; {@code layers}) whose last layer gives {@code 5 + C} outputs. Images without a box
 * teach {@code p_c = 0}; an image with more than one box is an error naming it. The folder gets
 * model.yaml ({@code head: localization}, class names), a checkpoint, metrics.csv and curves.png;
 * the result gives the mean box IoU and the {@code p_c} accuracy on {@code --val} (or the training
 * set).
 */
final class HeadTraining {
    private HeadTraining() {}

    static int localization(TrainCommand c, CommandContext ctx, Optimizers optimizers)
            throws IOException {
        Path dir = TrainerSetup.freshOut(c, ctx, "localization");
        Path root = ctx.settings().workDir();
        DetectionData train = DetectionData.read(root.resolve(c.data));
        DetectionData val = c.val == null ? null : DetectionData.read(root.resolve(c.val));
        Map<String, Object> config = modelConfig(root.resolve(c.model));
        Sequential model = sequential(config, c.model);
        int size = inputSize(model, c.model);
        LocalizationTargets targets = new LocalizationTargets(train.classNames().size());
        try (GraphContext g = ctx.openGraph()) {
            String needs =
                    "the localization head needs 5 + "
                            + train.classNames().size()
                            + " = "
                            + targets.width()
                            + " (p_c, b_x, b_y, b_h, b_w, one per class of "
                            + c.data
                            + ")";
            TrainingGraph tg;
            try {
                tg =
                        TrainingGraph.build(
                                g,
                                model,
                                optimizers.create(c.optimizer, Map.of()),
                                new TrainingSpec(new LocalizationObjective(), 0, 0, c.clipNorm));
            } catch (IllegalArgumentException e) {
                throw DlkitException.invalidInput(c.model + ": " + e.getMessage() + "; " + needs);
            }
            long width = tg.output.shape().get(1);
            if (width != targets.width()) {
                throw DlkitException.invalidInput(
                        c.model + ": the last layer gives " + width + " outputs; " + needs);
            }
            BatchSource source = source(train, targets, size, c.batchSize, true);
            BatchSource valSource =
                    val == null ? null : source(val, targets, size, c.batchSize, false);
            TrainState state =
                    TrainerSetup.fitFresh(
                            c, ctx, tg, dir, content(c, config, train, ctx), source, valSource);
            DetectionData scored = val == null ? train : val;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model_dir", dir.toString());
            result.put("epochs", state.epoch());
            result.put("loss", state.history().get(state.history().size() - 1).loss());
            result.putAll(
                    score(tg, scored, targets, size, c.batchSize, val == null ? "train" : "val"));
            EvalReport.print(ctx, result);
        }
        return 0;
    }

    private static LocalizationBatchSource source(
            DetectionData d, LocalizationTargets targets, int size, int batch, boolean shuffle) {
        List<String> names = d.images().stream().map(Path::toString).toList();
        try {
            return new LocalizationBatchSource(
                    i -> d.image(i, size), d.labels(), names, targets, size, batch, shuffle);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** Mean IoU over images with a box, and the share of images whose p_c > 0.5 is right. */
    private static Map<String, Object> score(
            TrainingGraph tg,
            DetectionData d,
            LocalizationTargets t,
            int size,
            int batch,
            String prefix) {
        BatchSource s = source(d, t, size, batch, false);
        double iou = 0;
        int boxes = 0;
        int right = 0;
        for (int b = 0; b * batch < d.size(); b++) {
            Map<String, NdArray> m = s.batch(0, 0, b);
            float[] out;
            try (TFloat32 x = (TFloat32) m.get("x").toTensor();
                    Result r = tg.graph().session().runner().feed(tg.x, x).fetch(tg.output).run()) {
                out = io.dlkit.backend.tensor.Tensors.toFloats(r.get(0));
            }
            int n = out.length / t.width();
            for (int k = 0; k < n; k++) {
                List<LabeledBox> truth = d.labels().get(b * batch + k);
                LocalizationTargets.Prediction p = t.decode(out, k);
                if ((p.objectness() > 0.5f) == !truth.isEmpty()) right++;
                if (truth.isEmpty()) continue;
                iou += p.box().iou(truth.get(0).box());
                boxes++;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(prefix + "_mean_iou", boxes == 0 ? 0.0 : iou / boxes);
        r.put(prefix + "_pc_accuracy", right / (double) d.size());
        return r;
    }

    private static Map<String, Object> content(
            TrainCommand c, Map<String, Object> config, DetectionData train, CommandContext ctx) {
        Map<String, Object> t = TrainerSetup.headTraining(c, LocalizationObjective.ID, ctx);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "dlkit-model/1");
        m.put("head", LocalizationObjective.ID);
        m.put("model", config);
        m.put("class_names", train.classNames());
        m.put("training", t);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> modelConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(
                    file
                            + ": no such model file; --head localization needs a sequential model"
                            + " YAML (input_shape, layers)");
        }
        Map<String, Object> yaml = YoloModelDir.readYaml(file);
        Object inner = yaml.get("model");
        return inner instanceof Map<?, ?> ? (Map<String, Object>) inner : yaml;
    }

    static Sequential sequential(Map<String, Object> config, String file) {
        try {
            return Sequential.fromConfig(config);
        } catch (RuntimeException e) {
            throw DlkitException.invalidInput(file + ": " + e.getMessage());
        }
    }

    static int inputSize(Sequential model, String file) {
        long[] s = model.inputShape();
        if (s.length != 3 || s[0] != s[1] || s[2] != 3) {
            throw DlkitException.invalidInput(
                    file
                            + ": input_shape must be [S, S, 3] for images, got "
                            + java.util.Arrays.toString(s));
        }
        return (int) s[0];
    }
}
