package io.dlkit.plugins.detector.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.plugins.detector.eval.ClassEvaluation;
import io.dlkit.plugins.detector.eval.YoloEvaluation;
import io.dlkit.plugins.detector.yolo.YoloModel;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** How {@code detect train} and {@code detect eval} evaluate and print. */
final class EvalReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalReport() {}

    /** The two mAPs. */
    record Summary(double map50, double map5095) {}

    /** Evaluates the model being trained (inference mode) on {@code data}. */
    static Summary evaluate(TrainingGraph tg, YoloModel m, DetectionData data) {
        int size = m.inputSize();
        YoloEvaluation e =
                YoloEvaluation.run(
                        data.truthInFractions(),
                        i -> data.image(i, size),
                        (x, n) -> {
                            try (TFloat32 t = Tensors.floats(x, n, size, size, 3);
                                    Result r =
                                            tg.graph()
                                                    .session()
                                                    .runner()
                                                    .feed(tg.x, t)
                                                    .fetch(tg.output)
                                                    .run()) {
                                return Tensors.toFloats(r.get(0));
                            }
                        },
                        m.decoder(),
                        YoloEvaluation.NMS,
                        16);
        return new Summary(e.voc().map50(), e.coco().map50to95());
    }

    /** The per-class table (or JSON document) of an evaluation. */
    static Map<String, Object> document(YoloEvaluation e, int images) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("images", images);
        doc.put("map50", e.voc().map50());
        doc.put("map50_95", e.coco().map50to95());
        doc.put("map50_coco", e.coco().map50());
        doc.put("images_per_s", images / Math.max(1e-9, e.seconds()));
        List<Map<String, Object>> classes = new ArrayList<>();
        for (int c = 0; c < e.voc().classes().size(); c++) {
            ClassEvaluation v = e.voc().classes().get(c);
            ClassEvaluation k = e.coco().classes().get(c);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class", v.name());
            m.put("objects", v.groundTruths());
            m.put("detections", v.detections());
            m.put("ap50", v.ap50());
            m.put("ap50_95", k.ap50to95());
            classes.add(m);
        }
        doc.put("classes", classes);
        return doc;
    }

    static String table(Map<String, Object> doc) {
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                "%-16s%9s%12s%9s%10s%n",
                                "CLASS", "OBJECTS", "DETECTIONS", "AP@0.5", "AP@.5:.95"));
        for (Object o : (List<?>) doc.get("classes")) {
            Map<?, ?> m = (Map<?, ?>) o;
            s.append(
                    String.format(
                            Locale.ROOT,
                            "%-16s%9d%12d%9.4f%10.4f%n",
                            m.get("class"),
                            m.get("objects"),
                            m.get("detections"),
                            m.get("ap50"),
                            m.get("ap50_95")));
        }
        s.append(
                String.format(
                        Locale.ROOT,
                        "mAP@0.5 %.4f (VOC, all points)   mAP@[.5:.95] %.4f (COCO)   %d images, %.1f images/s",
                        doc.get("map50"),
                        doc.get("map50_95"),
                        doc.get("images"),
                        doc.get("images_per_s")));
        return s.toString();
    }

    /** Prints a result map: JSON with {@code --format json}, else {@code key: value} lines. */
    static void print(CommandContext ctx, Map<String, Object> result) {
        if (ctx.settings().json()) {
            try {
                ctx.out().println(JSON.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            result.forEach(
                    (k, v) ->
                            ctx.out()
                                    .println(
                                            k
                                                    + ": "
                                                    + (v instanceof Double d
                                                            ? String.format(Locale.ROOT, "%.4f", d)
                                                            : v)));
        }
        ctx.out().flush();
    }
}
