package io.dlkit.plugins.detector.pretrained;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.TensorSpec;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pretrained COCO-80 graph detector (NanoDet or CenterNet, recognised by its outputs), opened
 * once and run on many images: the image is stretched to the square input as the upstream code does
 * (bilinear), run, decoded by the model's own rules, then thresholded and suppressed by {@link
 * NonMaxSuppression}, and the boxes mapped back to the image's pixels.
 */
public final class GraphDetector implements io.dlkit.plugins.detector.ObjectDetector {
    /** The detector families this plugin decodes. */
    public enum Kind {
        /** NanoDet: NCHW RGB / 255, 3 grids of class scores and GFL side distributions. */
        NANODET,
        /** CenterNet: NHWC RGB 0-255, {@code [1, 100, 6]} boxes. */
        CENTERNET
    }

    private static final int BINS = 11;
    private final GraphModel model;
    private final Kind kind;
    private final String input;
    private final int size;

    private GraphDetector(GraphModel model, Kind kind, String input, int size) {
        this.model = model;
        this.kind = kind;
        this.input = input;
        this.size = size;
    }

    /**
     * The detector {@code model} is, by its input and outputs.
     *
     * @throws DlkitException (exit 2) naming {@code what} if it is neither NanoDet nor CenterNet
     */
    public static GraphDetector of(GraphModel model, String what) {
        List<TensorSpec> ins = model.inputs();
        if (ins.size() == 1 && ins.get(0).shape().length == 4) {
            long[] s = ins.get(0).shape();
            boolean centerNet =
                    model.outputs().stream().anyMatch(o -> o.name().endsWith("detections"));
            if (centerNet && s[1] == s[2] && s[1] > 0) {
                return new GraphDetector(model, Kind.CENTERNET, ins.get(0).name(), (int) s[1]);
            }
            if (!centerNet && s[1] == 3 && s[2] == s[3] && s[2] > 0 && nanoDetOutputs(model)) {
                return new GraphDetector(model, Kind.NANODET, ins.get(0).name(), (int) s[2]);
            }
        }
        throw DlkitException.invalidInput(
                what
                        + " is not a detector dlkit can decode (NanoDet or CenterNet graph with"
                        + " COCO-80 outputs); use --model centernet, nanodet or such a folder");
    }

    private static boolean nanoDetOutputs(GraphModel model) {
        long scores = model.outputs().stream().filter(o -> last(o) == 80).count();
        long dists = model.outputs().stream().filter(o -> last(o) == 4 * BINS).count();
        return scores == 3 && dists == 3;
    }

    private static long last(TensorSpec o) {
        long[] s = o.shape();
        return s.length == 3 ? s[2] : -1;
    }

    /** The family. */
    public Kind kind() {
        return kind;
    }

    /** The square input's side in pixels. */
    public int inputSize() {
        return size;
    }

    @Override
    public List<String> classNames() {
        return CocoNames.all();
    }

    @Override
    public int categoryId(int classId) {
        return CocoNames.cocoCategoryId(classId);
    }

    @Override
    public List<Detection> detect(Image image, NmsOptions options) {
        Image rgb = Images.convert(image, 3);
        Map<String, NdArray> out = model.run(Map.of(input, inputOf(rgb)));
        List<Detection> candidates = decode(out, options.scoreThreshold());
        List<Detection> kept = NonMaxSuppression.apply(candidates, options);
        var mapping =
                io.dlkit.plugins.detector.yolo.ImageMapping.stretch(
                        rgb.width(), rgb.height(), size, size);
        List<Detection> result = new ArrayList<>(kept.size());
        for (Detection d : kept) {
            var box = mapping.toOriginal(d.box());
            if (box.area() > 0) result.add(new Detection(box, d.classId(), d.score()));
        }
        return result;
    }

    private NdArray inputOf(Image rgb) {
        float[] hwc = Images.resize(rgb, size, size).data();
        if (kind == Kind.CENTERNET) {
            float[] x = new float[hwc.length];
            for (int i = 0; i < hwc.length; i++) x[i] = hwc[i] * 255f;
            return NdArray.of(x, 1, size, size, 3);
        }
        int plane = size * size;
        float[] chw = new float[hwc.length];
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < 3; c++) chw[c * plane + p] = hwc[p * 3 + c];
        }
        return NdArray.of(chw, 1, 3, size, size);
    }

    private List<Detection> decode(Map<String, NdArray> out, float minScore) {
        if (kind == Kind.CENTERNET) {
            NdArray d =
                    out.entrySet().stream()
                            .filter(e -> e.getKey().endsWith("detections"))
                            .findFirst()
                            .orElseThrow()
                            .getValue();
            return new CenterNetDecoder(size, 80).decode(d.floats(), minScore);
        }
        NanoDetDecoder decoder = new NanoDetDecoder(size, 80, BINS);
        List<Detection> all = new ArrayList<>();
        for (NdArray scores : out.values()) {
            long[] s = scores.shape();
            if (s[s.length - 1] != 80) continue;
            NdArray dist = sameCells(out, s[1]);
            all.addAll(decoder.decodeLevel(scores.floats(), dist.floats(), minScore));
        }
        return all;
    }

    private static NdArray sameCells(Map<String, NdArray> out, long cells) {
        for (NdArray a : out.values()) {
            long[] s = a.shape();
            if (s[1] == cells && s[s.length - 1] == 4 * BINS) return a;
        }
        throw new IllegalStateException("NanoDet output without box distributions for " + cells);
    }
}
