package io.dlkit.plugins.detector.yolo;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import java.util.ArrayList;
import java.util.List;

/**
 * One image's YOLO output to final detections: decode with the score threshold, non-max
 * suppression, then boxes in pixels of the original image.
 */
public final class YoloPostprocessor {
    private final YoloDecoder decoder;
    private final NmsOptions options;

    /** Post-processing with {@code decoder}'s grid and anchors and these thresholds. */
    public YoloPostprocessor(YoloDecoder decoder, NmsOptions options) {
        this.decoder = requireNonNull(decoder, "decoder is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** The detections of {@code output}, highest score first, in original-image pixels. */
    public List<Detection> detect(float[] output, ImageMapping mapping) {
        requireNonNull(mapping, "mapping is null");
        List<Detection> kept =
                NonMaxSuppression.apply(decoder.decode(output, options.scoreThreshold()), options);
        List<Detection> out = new ArrayList<>(kept.size());
        for (Detection d : kept) {
            out.add(new Detection(mapping.toOriginal(d.box()), d.classId(), d.score()));
        }
        return out;
    }
}
