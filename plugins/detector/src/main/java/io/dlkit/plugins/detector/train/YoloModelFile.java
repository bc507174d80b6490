package io.dlkit.plugins.detector.train;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.detector.TinyYoloV2;
import io.dlkit.plugins.detector.YoloArchitecture;
import io.dlkit.plugins.detector.YoloV2;
import io.dlkit.plugins.detector.anchors.AnchorClusters;
import io.dlkit.plugins.detector.anchors.AnchorKMeans;
import io.dlkit.plugins.detector.anchors.BoxSize;
import io.dlkit.plugins.detector.darknet.DarknetNetwork;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.yolo.YoloModel;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code dlkit detect train --model} names, as a {@link YoloModel} for a data set's classes:
 * {@code yolov2-tiny} or {@code yolov2} (the published 416 x 416 networks), a Darknet {@code .cfg},
 * or a model file:
 *
 * <pre>
 * architecture: yolov2_tiny     # or yolov2
 * input_size: 416               # a multiple of 32; the grid is input_size / 32
 * width: 1.0                    # optional: a factor on the hidden layers' filters
 * anchors: [1.08, 1.19, ...]    # optional: B (w, h) pairs in grid cells
 * </pre>
 *
 * The classes are the data's. {@code --anchors kmeans} replaces the anchors by k-means (1 - IoU)
 * over the data's boxes, as many as the model has.
 */
public final class YoloModelFile {
    private static final Set<String> KEYS =
            Set.of("architecture", "input_size", "width", "anchors");

    private YoloModelFile() {}

    /**
     * The model {@code spec} names, for {@code classNames}, with anchors as {@code anchors} says.
     */
    public static YoloModel resolve(
            Path root,
            String spec,
            List<String> classNames,
            String anchors,
            List<List<LabeledBox>> boxes,
            long seed)
            throws IOException {
        YoloModel m = base(root, spec, classNames);
        if (anchors == null || anchors.equals("default")) return m;
        float[] a =
                anchors.equals("kmeans")
                        ? kmeans(boxes, m.anchorCount(), m.grid(), seed)
                        : parse(anchors);
        return rebuild(m, a);
    }

    private static YoloModel base(Path root, String spec, List<String> names) throws IOException {
        int classes = names.size();
        switch (spec) {
            case "yolov2-tiny", "yolov2_tiny" -> {
                return YoloModel.of(
                        new TinyYoloV2(416, classes, YoloArchitecture.TINY_VOC_ANCHORS, 1)
                                .network(spec),
                        names);
            }
            case "yolov2" -> {
                return YoloModel.of(
                        new YoloV2(416, classes, YoloArchitecture.VOC_ANCHORS, 1).network(spec),
                        names);
            }
            default -> {}
        }
        Path file = root.resolve(spec);
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(
                    "--model "
                            + spec
                            + ": no such file; give yolov2-tiny, yolov2, a model file"
                            + " (architecture: yolov2_tiny) or a Darknet .cfg");
        }
        if (spec.endsWith(".cfg")) {
            DarknetNetwork net = DarknetNetwork.read(file);
            YoloModel m = YoloModel.of(net, names);
            if (m.classes() != classes) {
                throw DlkitException.invalidInput(
                        file
                                + ": the [region] has classes="
                                + net.region().orElseThrow().classes()
                                + " but the data has "
                                + classes
                                + " classes");
            }
            return m;
        }
        return fromYaml(file, names);
    }

    private static YoloModel fromYaml(Path file, List<String> names) {
        Map<String, Object> c = YoloModelDir.readYaml(file);
        for (String k : c.keySet()) {
            if (!KEYS.contains(k)) {
                throw DlkitException.invalidInput(
                        file
                                + ": unknown key '"
                                + k
                                + "'; a YOLO model file has "
                                + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String arch = String.valueOf(c.getOrDefault("architecture", "yolov2_tiny"));
        int size = c.get("input_size") instanceof Number n ? n.intValue() : 416;
        double width = c.get("width") instanceof Number n ? n.doubleValue() : 1;
        try {
            YoloArchitecture a =
                    switch (arch) {
                        case TinyYoloV2.NAME ->
                                new TinyYoloV2(
                                        size,
                                        names.size(),
                                        c.containsKey("anchors")
                                                ? floats(c.get("anchors"))
                                                : YoloArchitecture.TINY_VOC_ANCHORS,
                                        width);
                        case YoloV2.NAME ->
                                new YoloV2(
                                        size,
                                        names.size(),
                                        c.containsKey("anchors")
                                                ? floats(c.get("anchors"))
                                                : YoloArchitecture.VOC_ANCHORS,
                                        width);
                        default ->
                                throw new IllegalArgumentException(
                                        "architecture '" + arch + "' is not yolov2_tiny or yolov2");
                    };
            return YoloModel.of(a.network(file.toString()), names);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw DlkitException.invalidInput(file + ": " + e.getMessage());
        }
    }

    /** The model with other anchors (same count): the cfg rewritten, so the model file agrees. */
    static YoloModel rebuild(YoloModel m, float[] anchors) {
        if (anchors.length != m.anchors().length) {
            throw DlkitException.invalidInput(
                    "--anchors: the model has "
                            + m.anchorCount()
                            + " anchors, got "
                            + anchors.length / 2);
        }
        return new YoloModel(m.config(), anchors, m.classNames());
    }

    /** k-means anchors over {@code boxes}, in grid cells, largest last. */
    static float[] kmeans(List<List<LabeledBox>> boxes, int k, int grid, long seed) {
        List<BoxSize> sizes = new ArrayList<>();
        for (List<LabeledBox> img : boxes)
            for (LabeledBox b : img)
                if (b.box().width() > 0 && b.box().height() > 0)
                    sizes.add(new BoxSize(b.box().width(), b.box().height()));
        if (sizes.size() < k) {
            throw DlkitException.invalidInput(
                    "--anchors kmeans: the data has " + sizes.size() + " boxes, fewer than " + k);
        }
        AnchorClusters c = new AnchorKMeans(k, seed, 300, 10).fit(sizes);
        List<BoxSize> sorted = new ArrayList<>(c.anchors());
        sorted.sort((p, q) -> Double.compare(p.area(), q.area()));
        float[] a = new float[2 * k];
        for (int i = 0; i < k; i++) {
            a[2 * i] = (float) (sorted.get(i).width() * grid);
            a[2 * i + 1] = (float) (sorted.get(i).height() * grid);
        }
        return a;
    }

    private static float[] parse(String text) {
        try {
            String[] parts = text.split(",");
            float[] a = new float[parts.length];
            for (int i = 0; i < a.length; i++) a[i] = Float.parseFloat(parts[i].strip());
            return a;
        } catch (NumberFormatException e) {
            throw DlkitException.invalidInput(
                    "--anchors " + text + ": use default, kmeans or w1,h1,w2,h2,... in grid cells");
        }
    }

    private static float[] floats(Object o) {
        List<?> l = (List<?>) o;
        float[] a = new float[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = ((Number) l.get(i)).floatValue();
        return a;
    }
}
