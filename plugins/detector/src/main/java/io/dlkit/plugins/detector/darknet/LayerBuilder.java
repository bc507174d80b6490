package io.dlkit.plugins.detector.darknet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Turns one cfg section into a layer given the layers before it, checking shapes. */
final class LayerBuilder {
    private static final Set<String> ACTIVATIONS = Set.of("leaky", "linear");
    private static final String SUPPORTED =
            "[convolutional], [maxpool], [route], [reorg], [region]";

    private LayerBuilder() {}

    static DarknetLayer build(CfgSection s, int index, FeatureShape in, List<DarknetLayer> before) {
        return switch (s.type()) {
            case "convolutional", "conv" -> convolutional(s, index, in);
            case "maxpool", "max" -> maxPool(s, index, in);
            case "route" -> route(s, index, before);
            case "reorg" -> reorg(s, index, in);
            case "region" -> region(s, index, in);
            default ->
                    throw s.error(
                            s.line(),
                            "["
                                    + s.type()
                                    + "] is not supported: dlkit reads the YOLOv2 family ("
                                    + SUPPORTED
                                    + ")",
                            "use a YOLOv2 or Tiny-YOLOv2 cfg");
        };
    }

    private static DarknetLayer convolutional(CfgSection s, int index, FeatureShape in) {
        int filters = positive(s, "filters", 1);
        int size = positive(s, "size", 1);
        int stride = positive(s, "stride", 1);
        int padding = s.integer("pad", 0) != 0 ? size / 2 : s.integer("padding", 0);
        String activation = s.text("activation", "logistic");
        if (!ACTIVATIONS.contains(activation)) {
            throw s.error(
                    s.lineOf("activation"),
                    "activation '" + activation + "' is not supported",
                    "use leaky or linear");
        }
        int h = (in.height() + 2 * padding - size) / stride + 1;
        int w = (in.width() + 2 * padding - size) / stride + 1;
        checkPositive(s, h, w);
        return new DarknetLayer.Convolutional(
                index,
                in,
                new FeatureShape(h, w, filters),
                filters,
                size,
                stride,
                padding,
                s.integer("batch_normalize", 0) != 0,
                activation);
    }

    private static DarknetLayer maxPool(CfgSection s, int index, FeatureShape in) {
        int stride = positive(s, "stride", 1);
        int size = positive(s, "size", stride);
        int padding = s.integer("padding", size - 1);
        int h = (in.height() + padding - size) / stride + 1;
        int w = (in.width() + padding - size) / stride + 1;
        checkPositive(s, h, w);
        return new DarknetLayer.MaxPool(
                index, in, new FeatureShape(h, w, in.channels()), size, stride, padding);
    }

    private static DarknetLayer route(CfgSection s, int index, List<DarknetLayer> before) {
        List<Integer> given = s.integers("layers");
        if (given.isEmpty()) {
            throw s.error(s.line(), "[route] has no layers", "add layers=-1 (or a list)");
        }
        List<Integer> sources = new ArrayList<>();
        FeatureShape first = null;
        int channels = 0;
        for (int g : given) {
            int src = g < 0 ? index + g : g;
            if (src < 0 || src >= index) {
                throw s.error(
                        s.lineOf("layers"),
                        "layers=" + g + " points to layer " + src + ", outside 0.." + (index - 1),
                        "refer to an earlier layer");
            }
            FeatureShape o = before.get(src).output();
            if (first != null && (o.height() != first.height() || o.width() != first.width())) {
                throw s.error(
                        s.lineOf("layers"),
                        "cannot concatenate " + first + " and " + o,
                        "route layers of the same height and width");
            }
            first = first == null ? o : first;
            channels += o.channels();
            sources.add(src);
        }
        return new DarknetLayer.Route(
                index, sources, new FeatureShape(first.height(), first.width(), channels));
    }

    private static DarknetLayer reorg(CfgSection s, int index, FeatureShape in) {
        int stride = positive(s, "stride", 1);
        if (in.height() % stride != 0 || in.width() % stride != 0) {
            throw s.error(
                    s.line(),
                    "[reorg] stride " + stride + " does not divide its input " + in,
                    "change the input size or the stride");
        }
        FeatureShape out =
                new FeatureShape(
                        in.height() / stride, in.width() / stride, in.channels() * stride * stride);
        return new DarknetLayer.Reorg(index, in, out, stride);
    }

    private static DarknetLayer region(CfgSection s, int index, FeatureShape in) {
        int classes = positive(s, "classes", 20);
        int coords = positive(s, "coords", 4);
        int num = positive(s, "num", 1);
        List<Float> anchors = s.floats("anchors");
        if (anchors.size() != 2 * num) {
            throw s.error(
                    s.lineOf("anchors"),
                    "num=" + num + " needs " + 2 * num + " anchor values, got " + anchors.size(),
                    "give one w, h pair per anchor");
        }
        int expected = num * (coords + 1 + classes);
        if (in.channels() != expected) {
            throw s.error(
                    s.line(),
                    "[region] needs num * (coords + 1 + classes) = "
                            + expected
                            + " input channels, the layer before gives "
                            + in.channels(),
                    "set filters=" + expected + " in the last [convolutional]");
        }
        return new DarknetLayer.Region(index, in, anchors, classes, coords, num);
    }

    static int positive(CfgSection s, String key, int fallback) {
        int v = s.integer(key, fallback);
        if (v < 1) {
            throw s.error(s.lineOf(key), key + "=" + v + " must be >= 1", "fix the value");
        }
        return v;
    }

    private static void checkPositive(CfgSection s, int h, int w) {
        if (h < 1 || w < 1) {
            throw s.error(
                    s.line(),
                    "[" + s.type() + "] would output " + h + "x" + w,
                    "use a larger input size");
        }
    }
}
