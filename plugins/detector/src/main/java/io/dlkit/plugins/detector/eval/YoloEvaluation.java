package io.dlkit.plugins.detector.eval;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.yolo.YoloDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Runs a YOLO network over a labelled set in batches and evaluates it: mAP@0.5 (Pascal VOC, all
 * points) and mAP@[.5:.95] (COCO, 101 points), per class, with boxes compared as fractions of their
 * images (IoU does not change when both axes are scaled).
 *
 * @param voc the VOC evaluation (mAP@0.5, its PR curves)
 * @param coco the COCO evaluation (mAP@[.5:.95] and AP@0.5 at 101 points)
 * @param detections each image's detections, by image id, as fractions
 * @param seconds the time spent in the network, decoding and NMS
 */
public record YoloEvaluation(
        Evaluation voc, Evaluation coco, Map<Long, List<Detection>> detections, double seconds) {
    /** The usual evaluation settings: score >= 0.005, NMS at 0.45, at most 100 per image. */
    public static final NmsOptions NMS = new NmsOptions(0.005f, 0.45f, 100, false);

    /**
     * Evaluates any detector (sliding windows, R-CNN, a YOLO model) image by image; the time
     * includes reading the images.
     *
     * @param truth the labels with boxes as fractions, one image per entry of {@code images}
     */
    public static YoloEvaluation ofDetector(
            LabelSet truth,
            List<java.nio.file.Path> images,
            io.dlkit.plugins.detector.ObjectDetector detector,
            NmsOptions nms)
            throws java.io.IOException {
        Map<Long, List<Detection>> found = new HashMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < images.size(); i++) {
            io.dlkit.backend.image.Image img = io.dlkit.backend.image.Images.read(images.get(i));
            List<Detection> kept = new ArrayList<>();
            for (Detection d : detector.detect(img, nms)) {
                BoundingBox b = d.box().scale(1f / img.width(), 1f / img.height());
                kept.add(new Detection(b, d.classId(), d.score()));
            }
            found.put(truth.images().get(i).id(), kept);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new YoloEvaluation(
                DetectionEvaluator.evaluate(truth, found, Protocol.VOC),
                DetectionEvaluator.evaluate(truth, found, Protocol.COCO),
                found,
                seconds);
    }

    /**
     * Evaluates.
     *
     * @param truth the labels with boxes as fractions, one image per entry of {@code images}
     * @param images image {@code i} as network input ({@code S x S x 3} floats)
     * @param network runs {@code n} images (a flat array) and returns the flat raw outputs
     */
    public static YoloEvaluation run(
            LabelSet truth,
            IntFunction<float[]> images,
            BiFunction<float[], Integer, float[]> network,
            YoloDecoder decoder,
            NmsOptions nms,
            int batch) {
        Map<Long, List<Detection>> found = new HashMap<>();
        int n = truth.images().size();
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += batch) {
            int rows = Math.min(batch, n - from);
            float[] first = images.apply(from);
            float[] x = new float[rows * first.length];
            System.arraycopy(first, 0, x, 0, first.length);
            for (int k = 1; k < rows; k++) {
                System.arraycopy(images.apply(from + k), 0, x, k * first.length, first.length);
            }
            float[] out = network.apply(x, rows);
            for (int k = 0; k < rows; k++) {
                List<Detection> c =
                        decoder.decode(out, k * decoder.outputSize(), nms.scoreThreshold());
                List<Detection> kept = new ArrayList<>();
                for (Detection d : NonMaxSuppression.apply(c, nms)) {
                    BoundingBox b = d.box().clip(1, 1);
                    if (b.area() > 0) kept.add(new Detection(b, d.classId(), d.score()));
                }
                found.put(truth.images().get(from + k).id(), kept);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new YoloEvaluation(
                DetectionEvaluator.evaluate(truth, found, Protocol.VOC),
                DetectionEvaluator.evaluate(truth, found, Protocol.COCO),
                found,
                seconds);
    }
}
