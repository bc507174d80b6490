package io.dlkit.plugins.detector.yolo;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.plugins.detector.darknet.DarknetLayer;
import io.dlkit.plugins.detector.darknet.DarknetModelConfig;
import io.dlkit.plugins.detector.darknet.DarknetNetwork;
import io.dlkit.plugins.detector.layers.DetectorLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YOLOv2-family model: the model configuration on the backend's layers (a plain stack or a
 * one-input one-output functional graph ending in a {@code yolo_grid}), its anchors (w, h pairs in
 * grid cells), classes and class names. The input is RGB in [0, 1], the image stretched to the
 * square input; the output is {@code S x S x B x (5 + C)}.
 *
 * @param config the model file's {@code model:} section
 * @param anchors B (w, h) pairs in grid cells
 * @param classNames C names (class0, class1, ... when unknown)
 */
public record YoloModel(Map<String, Object> config, float[] anchors, List<String> classNames) {
    /** Copies the values. */
    public YoloModel {
        config = new LinkedHashMap<>(requireNonNull(config, "config is null"));
        anchors = anchors.clone();
        classNames = List.copyOf(classNames);
        if (anchors.length < 2 || anchors.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "anchors must be w, h pairs, got " + anchors.length + " values");
        }
    }

    /** The model of a Darknet network with a {@code [region]}, classes named {@code names}. */
    public static YoloModel of(DarknetNetwork net, List<String> names) {
        DarknetLayer.Region r =
                net.region()
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "the network has no [region] layer; dlkit reads"
                                                        + " YOLOv2 detectors"));
        return new YoloModel(
                DarknetModelConfig.of(net), r.anchorArray(), namesOrDefault(names, r.classes()));
    }

    /** {@code names} if it has {@code classes} entries, else {@code class0, class1, ...}. */
    public static List<String> namesOrDefault(List<String> names, int classes) {
        if (names != null && names.size() == classes) return names;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < classes; i++) out.add("class" + i);
        return out;
    }

    /** C. */
    public int classes() {
        return classNames.size();
    }

    /** B. */
    public int anchorCount() {
        return anchors.length / 2;
    }

    /** Whether the configuration is a functional graph. */
    public boolean functional() {
        return FunctionalModel.isFunctional(config);
    }

    /** The square input's side in pixels. */
    public int inputSize() {
        return (int) inputShape()[0];
    }

    /** {@code [H, W, 3]}. */
    public long[] inputShape() {
        Object shape =
                functional()
                        ? ((Map<?, ?>) config.get("inputs")).values().iterator().next()
                        : config.get("input_shape");
        return ((List<?>) shape).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
    }

    /** S: the grid's side, input / 32. */
    public int grid() {
        return inputSize() / 32;
    }

    /** A new, unbuilt model of the configuration (its layer types registered if need be). */
    public Model build() {
        DetectorLayers.ensureRegistered();
        return functional()
                ? new SingleOutputModel(FunctionalModel.fromConfig(config))
                : Sequential.fromConfig(config);
    }

    /** The decoder of this model's output. */
    public YoloDecoder decoder() {
        return new YoloDecoder(grid(), grid(), anchors, classes());
    }

    /** model.yaml's {@code yolo:} section. */
    public Map<String, Object> section() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Double> a = new ArrayList<>();
        for (float v : anchors) a.add((double) v);
        m.put("anchors", a);
        m.put("classes", classes());
        m.put("class_names", classNames);
        m.put("resize", "stretch");
        return m;
    }

    /** The model of a model.yaml's {@code model:} and {@code yolo:} sections. */
    @SuppressWarnings("unchecked")
    public static YoloModel fromSections(Map<String, Object> model, Map<String, Object> yolo) {
        List<?> a = (List<?>) yolo.get("anchors");
        float[] anchors = new float[a.size()];
        for (int i = 0; i < anchors.length; i++) anchors[i] = ((Number) a.get(i)).floatValue();
        int classes = ((Number) yolo.get("classes")).intValue();
        return new YoloModel(
                model, anchors, namesOrDefault((List<String>) yolo.get("class_names"), classes));
    }
}
